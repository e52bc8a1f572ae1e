# in / not in on every container kind.
print("ell" in "hello", "" in "abc", "x" not in "abc", "HE" in "hello")
print(b"ll" in b"hello", 108 in b"hello", 0 in b"a\x00")
print(2 in [1, 2, 3], [2] in [1, [2]], "2" in [1, 2])
print(1 in (1, 2), (1, 2) in [(1, 2)], None in [None])
d = {"a": 1, "b": 2}
print("a" in d, 1 in d, "c" not in d, 1 in d.values(), "b" in d.keys())
print(("a", 1) in d.items())
print(3 in {1, 2, 3}, 5 in set())
print(5 in range(10), 10 in range(10), 4 in range(0, 10, 2), 5 in range(0, 10, 2))
print(1.0 in [1], True in [1], 0 in [False])
x = 3
print(x in [1, 2, 3] and x not in [4])
try:
    print(1 in "abc")
except TypeError as e:
    print("TypeError:", e)
try:
    print("a" in b"abc")
except TypeError as e:
    print("TypeError:", e)
try:
    print(1 in 5)
except TypeError as e:
    print("TypeError:", e)
try:
    print(300 in b"hello")
except ValueError as e:
    print("ValueError:", e)
