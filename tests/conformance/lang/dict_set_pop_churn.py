# popitem, set.pop and del interleaved with inserts: order and contents stay CPython's.
d = {}
for i in range(5000):
    d[i % 7, i] = i
    if i % 3:
        d.popitem()
    if i % 11 == 0 and d:
        del d[next(iter(d))]
print(len(d), list(d)[:5], list(d)[-5:], sum(d.values()))
s = set()
for i in range(3000):
    s.add(i * 7 % 1000)
    if i % 2:
        s.pop()
print(len(s), sorted(s)[:10], s.pop(), s.pop())
x = {}
for i in range(2000):
    x[str(i)] = i
    x.popitem()
    x[str(-i)] = i
print(len(x), list(x)[:3], x.get("-5"), "5" in x)
