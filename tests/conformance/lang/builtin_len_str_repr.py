# len, str and repr across value types.
values = [0, -1, 2 ** 70, 1.0, -0.0, float("inf"), True, None, "", "s", "it's", b"", b"\x00",
          bytearray(b"ab"), [], [1, [2]], (), (1,), {}, {"a": [1]}, set(), {3}, range(3), range(1, 10, 2)]
for v in values:
    print(type(v).__name__, str(v), repr(v))
print([len(x) for x in ["abc", b"ab", [1], (1, 2), {"a": 1}, {1, 2}, range(10), range(0, 10, 3), bytearray(3), ""]])
print(len(range(10, 0, -1)), len(range(5, 5)), len(range(0, -10, -3)))
print(str(), repr(str()), str(b"x"), str(str("x")), repr(repr(1)))
print(str(len("abc")))
class C:
    def __str__(self):
        return "C!"
print(str(C()), len(str(C())))
try:
    len(5)
except TypeError as e:
    print("TypeError:", e)
try:
    len(3.5)
except TypeError as e:
    print("TypeError:", e)
