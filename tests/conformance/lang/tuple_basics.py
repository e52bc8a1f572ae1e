# tuples: repr, singletons, packing/unpacking, indexing, concatenation, comparison.
print((), (1,), (1, 2), ((1,),), (1, (2, 3)), tuple(), tuple([1, 2]), tuple("ab"))
t = 1, 2, 3
print(t, type(t).__name__, len(t), t[0], t[-1], t[1:], t[::-1])
single = "x",
print(single, repr(single), len(single))
addr = ("127.0.0.1", 40000)
print(addr, repr(addr), str(addr), "%s:%d" % addr)
print((1, 2) + (3,), (0,) * 3, (1, 2) == (1, 2), (1, 2) < (1, 3), (1,) == [1])
print(2 in t, 5 not in t)
nested = ((1, "a"), (2, "b"))
for num, letter in nested:
    print(num, letter)
d = {("10.0.0.1", 80): "web", ("10.0.0.1", 22): "ssh"}
print(d[("10.0.0.1", 22)], d)
print(sorted([(2, "b"), (1, "z"), (1, "a")]))
print(max([(1, 2), (1, 3)]), min((5, 1), (0, 9)))
print(tuple([x * 2 for x in t]))
a, b = t[:2]
print(a, b)
print((1, [2, 3]), ("it's",))
try:
    t[5]
except IndexError as e:
    print("IndexError:", e)
try:
    t.append(4)
except AttributeError as e:
    print("AttributeError:", e)
try:
    t[0] = 9
except TypeError as e:
    print("TypeError:", e)
try:
    print((1, 2) + [3])
except TypeError as e:
    print("TypeError:", e)
