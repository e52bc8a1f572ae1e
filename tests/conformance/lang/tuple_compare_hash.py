# Tuples as dict keys and sort keys; lexicographic comparison; immutability with mutable items.
conns = {}
conns[("10.0.0.1", 5000)] = "alice"
conns[("10.0.0.2", 5000)] = "bob"
conns[("10.0.0.1", 5001)] = "carol"
print(conns[("10.0.0.1", 5000)], len(conns))
for addr in sorted(conns):
    print(addr, conns[addr])
print(("a", 2) < ("a", 10), ("a", 2) < ("b", 0), ("a",) < ("a", 0), (1, 2, 3) > (1, 2))
print((1, 2) == (1.0, 2.0), (0,) == (False,), ((1, 2), 3) == ((1, 2), 3))
print(sorted([(2, "x"), (1, "y"), (2, "a"), (1, "b")]))
print(sorted([(1, "b"), (1, "a")], key=lambda t: t[0]))
t = ([1], 2)
t[0].append(5)
print(t)
try:
    {([1], 2): "x"}
except TypeError as e:
    print("TypeError:", e)
try:
    t += ([3],)
    print(t)
except TypeError as e:
    print("TypeError:", e)
x = (1, 2, 3)
y = x
x += (4,)
print(x, y)
print(tuple([(i, i * i) for i in range(4)]))
