s = {5, 1, 3}
print(s.pop(), s)
s = set(range(100))
for _ in range(60):
    s.pop()
print(s)
s.add(3); s.add(200); s.discard(70)
print(s, len(s))
print([s.pop() for _ in range(5)])
d = {i: i*i for i in range(10)}
del d[3]; del d[0]; d[3] = 'x'; d[0] = 'y'
print(d)
for i in range(10):
    d.pop(i, None)
print(d)
d = {}
for i in range(50):
    d[i] = i
for i in range(0, 50, 2):
    del d[i]
print(list(d), d.popitem())
s = {-1, -2, 7, 8, 16, 24}
print(s, s.pop(), s)
s = set()
for i in range(40):
    s.add(i * 8)
for i in range(0, 40, 3):
    s.discard(i * 8)
print(s)
s.clear(); s.add(9); s.add(1); print(s, s.pop())
t = frozenset([3, 1, 2, 99, 17])
print(t, set(t), {1.0, 2, True})
s = {10, 20}
s |= {1, 2}
print(s)
x = set(range(20)); y = x.copy(); print(y, x - {3}, x & {4, 19, 33})
