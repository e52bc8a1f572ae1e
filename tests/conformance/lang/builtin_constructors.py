# list(), tuple(), dict(), set(), str(), bytes() and bytearray() from various inputs.
print(list(), list("ab"), list((1, 2)), list({"k": 1, "j": 2}), list(range(3)), list(b"AB"), list({5}))
print(tuple(), tuple([1, 2]), tuple("xy"), tuple(range(2)), tuple({"a": 1}.items()))
print(dict(), dict(a=1), dict([(1, 2), (3, 4)]), dict({"x": 1}, y=2), dict(zip("ab", "cd")), dict((("k", "v"),)))
print(set(), set([2, 1, 2]), sorted(set("hello")), set(range(3)), set(()))
print(str(), str(1), str(1.0), str([1, "a"]), str(b"\xff"), str(None), str("x"))
print(bytes(), bytes(3), bytes([1, 2]), bytes(range(65, 70)), bytes(b"ab"), bytes(bytearray(b"cd")), bytes("é", "utf-8"))
print(bytearray(), bytearray(2), bytearray([65]), bytearray(b"x"), bytearray("é", "utf-8"))
l1 = [1, 2]
l2 = list(l1)
l2.append(3)
print(l1, l2, l1 is l2)
t = (1, 2)
print(tuple(t) is t, list(t) == [1, 2])
try:
    dict([1, 2])
except TypeError as e:
    print("TypeError:", e)
try:
    dict([("a", 1, 2)])
except ValueError as e:
    print("ValueError:", e)
try:
    list(5)
except TypeError as e:
    print("TypeError:", e)
try:
    tuple(None)
except TypeError as e:
    print("TypeError:", e)
try:
    bytes("x", "no-such-codec")
except Exception as e:
    print(type(e).__name__, e)
