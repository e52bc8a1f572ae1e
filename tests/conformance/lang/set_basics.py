# set of small ints: construction, len, in, repr, sorted.
s = set([3, 1, 2, 3, 1])
print(s, len(s), 2 in s, 5 in s, 5 not in s)
print(set(), repr(set()), type(set()).__name__, {7}, {1, 2})
print(set(range(5)), set((4, 4, 0)), set(b"\x01\x02\x01"))
print(sorted({5, 3, 4}), sorted(set("banana")), len(set("banana")))
print({1, 2} == {2, 1}, {1} == {1, 1}, set() == set([]), {1, 2} != {1})
print(bool(set()), bool({0}), sum({1, 2, 3}), max({4, 6, 5}), min({4, 6, 5}))
unique = set([x % 4 for x in range(20)])
print(unique)
print(len(set([1, 1.0, True])))
print({3, 2, 1}, {0, 7, 6}, {1: "dict"}, {(1, 2)})
try:
    {[1]}
except TypeError as e:
    print("TypeError:", e)
try:
    one = {1}
    print(one[0])
except TypeError as e:
    print("TypeError:", e)
