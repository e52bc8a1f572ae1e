# Comparisons, including chained ones, across types.
print(1 < 2, 2 < 1, 1 <= 1, 1 >= 2, 1 == 1.0, 1 != 1.0)
print(1 < 2 < 3, 1 < 3 < 2, 3 > 2 > 1, 1 == 1 == 1.0, 1 < 2 > 0)
x = 5
print(0 <= x < 10, 0 <= x < 5, x == 5 != 6)
print("abc" < "abd", "Z" < "a", "" < "a", "abc" < "ab", "apple" == "apple")
print(b"a" < b"b", b"abc" == b"abc", b"abc" == "abc")
print([1, 2] < [1, 3], [1, 2] < [1, 2, 0], [] < [0], [1, 2] == [1, 2])
print((1, "a") < (1, "b"), (2,) > (1, 99), () == (), (1, 2) == [1, 2])
print({"a": 1} == {"a": 1}, {"a": 1, "b": 2} == {"b": 2, "a": 1})
print(None == None, None == 0, None == False, True == 1, False == 0)
print(1 == True, 2 == True, 0.0 == False, "1" == 1)
print(2 ** 100 > 2 ** 99, -(2 ** 100) < 0, 2 ** 64 == 18446744073709551616)
print(float("nan") == float("nan"), float("inf") > 10 ** 300)
print(10 ** 400 > float("inf"), 0.1 + 0.2 == 0.3)

def noisy(v):
    print("eval", v)
    return v

print(noisy(1) < noisy(2) < noisy(0) < noisy(5))
print(noisy(3) > noisy(2) > noisy(1))

try:
    print(1 < "a")
except TypeError as e:
    print("TypeError:", e)
try:
    print([1] < (1,))
except TypeError as e:
    print("TypeError:", e)
try:
    print(None < 1)
except TypeError as e:
    print("TypeError:", e)
try:
    print({"a": 1} < {"a": 2})
except TypeError as e:
    print("TypeError:", e)
try:
    print([1, "a"] < [1, 2])
except TypeError as e:
    print("TypeError:", e)
