# max() asks "item > best" and min() "item < best", as CPython: which method runs first, and the words of the TypeError.
for f in (max, min):
    for args in [("x", 0), (0, "x"), ([1], 2)]:
        try:
            f(*args)
        except TypeError as e:
            print(f.__name__, args, e)
    try:
        f(["x", 0])
    except TypeError as e:
        print(f.__name__, "list", e)
class G:
    def __init__(self, v): self.v = v
    def __gt__(self, o): print("gt", self.v, o.v); return self.v > o.v
    def __repr__(self): return "G(%d)" % self.v
class L:
    def __init__(self, v): self.v = v
    def __lt__(self, o): print("lt", self.v, o.v); return self.v < o.v
    def __repr__(self): return "L(%d)" % self.v
print(max([G(1), G(3), G(2)]))
print(max([L(1), L(3), L(2)]))
print(min([L(1), L(3), L(0)]))
print(max([3, 3.0, True], key=lambda x: x))
print(max([1, 2, 2.0]))
