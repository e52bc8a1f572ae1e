# __new__: singletons, object.__new__, super().__new__, __init__ only for instances of the class.
class Single:
    _inst = None
    def __new__(cls, *a):
        if cls._inst is None:
            cls._inst = super().__new__(cls)
        return cls._inst
    def __init__(self, x):
        self.x = x
a = Single(1); b = Single(2)
print(a is b, a.x)
class P:
    def __new__(cls, v):
        obj = object.__new__(cls)
        obj.v = v * 2
        return obj
print(P(3).v)
class Q:
    def __new__(cls, *args, **kw):
        print("new", cls.__name__, args, kw)
        return super().__new__(cls)
    def __init__(self, a, b=2):
        print("init", a, b)
class R(Q):
    pass
r = R(1, b=3)
print(type(r).__name__)
class Weird:
    def __new__(cls):
        return 42
print(Weird())
class Count:
    made = 0
    def __new__(cls):
        cls.made += 1
        return object.__new__(cls)
Count(); Count()
print(Count.made)
try:
    object.__new__(int)
except TypeError as e:
    print(e)
class NoInit:
    def __new__(cls, x):
        o = super().__new__(cls)
        o.x = x
        return o
print(NoInit(5).x)
