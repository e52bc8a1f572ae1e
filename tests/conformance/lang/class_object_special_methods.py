class MyError(Exception):
    def __init__(self, msg, code):
        super().__init__(msg)
        self.code = code
    def __str__(self):
        return f"[{self.code}] " + super().__str__()
try:
    raise MyError("boom", 7)
except MyError as e:
    print(e, repr(e), e.args)
class P:
    __slots__ = ()
class Q:
    def __init__(self, x):
        self.x = x
    def __repr__(self):
        return f"{self.__class__.__name__}({self.x!r})"
    def __setattr__(self, k, v):
        object.__setattr__(self, k, v * 2 if isinstance(v, int) else v)
    def __eq__(self, other):
        if not isinstance(other, Q):
            return NotImplemented
        return self.x == other.x
    def __hash__(self):
        return hash(self.x)
q = Q(3)
print(q, q == Q(3), q == 3, q != 3, {q: 1}[Q(3)])
print(object.__repr__(q)[:10], object.__str__(q) == object.__repr__(q))
print(Q.__name__, Q.__qualname__, Q.__module__, q.__dict__)
class R(Q):
    def __repr__(self):
        return "R:" + super().__repr__()
print(R(1))
print(getattr(q, "__class__") is Q, type(q) is Q, q.__class__.__mro__ if hasattr(q.__class__, "__mro__") else None)
class S:
    def __init__(self):
        super().__init__()
        self.items = []
    def __len__(self):
        return len(self.items)
    def __getitem__(self, i):
        return self.items[i]
    def __iter__(self):
        return iter(self.items)
s = S(); s.items += [1, 2]
print(len(s), s[0], list(s), 2 in s, bool(s))
print(object.__eq__(q, q), object.__ne__(q, 1), object.__ne__(q, Q(6)), object.__hash__(q) == hash(q) or True)
# A class whose __setattr__ validates, then stores through object (the usual pattern).
class Port:
    def __setattr__(self, name, value):
        if name == "number" and not 0 <= value < 65536:
            raise ValueError(f"bad port {value}")
        super().__setattr__(name, value)
    def __getattr__(self, name):
        return f"<no {name}>"
p = Port()
p.number = 8080
print(p.number, p.missing, p.__dict__)
try:
    p.number = 70000
except ValueError as e:
    print(e)
object.__delattr__(p, "number")
print(p.number)
print(format(p, "")[:15], str(p)[:15], object.__str__(p)[:15])
try:
    format(p, "x")
except TypeError as e:
    print(e)
print(Port.__setattr__ is not None, hasattr(p, "__init__"), callable(p.__repr__))
