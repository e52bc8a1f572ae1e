# A set that is added to finds its elements through its CPython-order table: equal
# keys of other types (1.0, True), negative hashes, collisions, a str switching the
# set to insertion order, discard/remove/pop between adds.
s = set()
for x in [5, 1, 3, 1.0, True, -1, -2, 2**61, 2**61 - 1, 8, 16, 24]:
    s.add(x)
print(s, len(s))
s.discard(3); s.discard(99); s.discard(1.0)
print(s, s.pop(), s)
s.add("a")
print(len(s), "a" in s, 5 in s, 1 in s, -2 in s)
s.remove(5)
print(len(s), 5 in s)
t = set()
for i in range(100):
    t.add(i * 7)
for i in range(0, 100, 3):
    t.discard(i * 7)
print(list(t)[:10], 21 in t, 14 in t, 14.0 in t)
print([t.pop() for _ in range(5)], len(t))
d = {1: 2}
u = {1, 2, 3}
u.add(1.0)
print(u, {x for x in range(10)} - {3})
