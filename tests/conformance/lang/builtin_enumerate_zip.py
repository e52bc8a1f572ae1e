# enumerate and zip.
print(list(enumerate("abc")), list(enumerate(["x", "y"], 1)), list(enumerate([], 5)))
print(list(enumerate(b"hi", start=-1)))
for i, (a, b) in enumerate(zip("xy", [1, 2])):
    print(i, a, b)
print(list(zip([1, 2, 3], "ab")), list(zip()), list(zip([1], [2], [3])), list(zip("abc")))
keys = ["host", "port"]
vals = ["localhost", 80]
print(dict(zip(keys, vals)))
pairs = list(zip(range(3), range(10, 13)))
print(pairs, [a + b for a, b in pairs])
print(type(enumerate([])).__name__, type(zip()).__name__)
e = enumerate("ab")
print(list(e), list(e))
z = zip([1, 2], [3, 4])
print(list(z), list(z))
try:
    zip(1, 2)
except TypeError as e:
    print("TypeError:", e)
try:
    enumerate(5)
except TypeError as e:
    print("TypeError:", e)
