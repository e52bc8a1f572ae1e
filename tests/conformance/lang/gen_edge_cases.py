# Corners: := in a generator expression binds in the enclosing function, return inside
# try/finally, a generator that raised is finished, a with that suppresses a throw.
def f(data):
    found = any((n := x) > 2 for x in data)
    return found, n
print(f([1, 5, 2]))
print(any((m := x) > 2 for x in [1, 5, 2]), m)
def g():
    total = 0
    vals = [(total := total + x) for x in range(4)]
    return vals, total
print(g())
def gen_return():
    try:
        yield 1
        return 5
    finally:
        print("fin")
print(list(gen_return()))
def raiser():
    yield 1
    raise KeyError("x")
r = raiser(); next(r)
try:
    next(r)
except KeyError:
    print("keyerror")
print(next(r, "exhausted"))
def sup():
    class S:
        def __enter__(self): return self
        def __exit__(self, *a): print("suppress", a[0].__name__); return True
    with S():
        yield 1
        yield 2
    yield 3
s = sup(); print(next(s), s.throw(ValueError), list(s))
