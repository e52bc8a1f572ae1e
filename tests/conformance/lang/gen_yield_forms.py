# Where a bare yield may stand (a statement, the right of =, +=, an annotated
# assignment) and where it needs its parentheses (inside any other expression).
def g():
    x = yield 1
    y = yield
    total = 0
    total += yield 2
    w: int = yield 3
    a = b = yield 4
    print("got", x, y, total, w, a, b)
    print("inner", (yield 5), [(yield 6)], (yield) or "none")
    yield 7, 8
    r = yield from range(2)
    print("from", r)


it = g()
print(next(it))
for v in ["x", "y", 10, 20, "ab", "p", "q", None]:
    print(it.send(v))
print(list(it))
