# repr of bytes: printable ASCII as is, \t \n \r and \\ escaped, others as \xNN.
print(b"Hi!")
print(b"")
print(b"\x00\x01\x02\x7f\x80\xff")
print(b"tab\tnl\ncr\r")
print(b"back\\slash", b"\a\b\f\v")
print(b"it's", b'say "hi"', b"both ' and \"", b"'")
print(bytes(range(0, 256, 15)))
print(bytes([72, 105, 0, 255]), bytes(5), bytes(0), bytes())
print(bytes("héllo", "utf-8"), bytes("abc", "ascii"), bytes(b"copy"))
print([b"a", b"\n"], (b"x",), {b"k": b"v"})
print(repr(b"\x1b[1m"), str(b"abc"), "%r" % b"z", "%s" % b"z")
print(b"\x41\x42\103", rb"\x41", br"raw\n", len(rb"\n"))
print(bytearray(b"hello"), bytearray(), bytearray(3), bytearray([1, 2, 255]), bytearray("hé", "utf-8"))
print(repr(bytearray(b"it's")))
print(type(b"").__name__, type(bytearray()).__name__)
print(b"ab" * 3, b"ab" + b"cd", bytes(b"x") * 0)
print(b"abc" == bytearray(b"abc"), b"\x00" == bytes(1))
try:
    bytes([256])
except ValueError as e:
    print("ValueError:", e)
try:
    bytes([-1])
except ValueError as e:
    print("ValueError:", e)
try:
    bytes("abc")
except TypeError as e:
    print("TypeError:", e)
try:
    b = b"caf\xc3\xa9" + "x"
except TypeError as e:
    print("TypeError:", e)
try:
    print(bytes(-1))
except ValueError as e:
    print("ValueError:", e)
