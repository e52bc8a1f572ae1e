# The bytes and bytearray methods CPython has that a network program meets: case,
# tabs, titles, rindex, translate and maketrans.
for b in [b"hello World", bytearray(b"GET /index.html HTTP/1.0"), b"", b"\xe9t\xe9 ABC"]:
    print(repr(b.capitalize()), repr(b.swapcase()), repr(b.title()))
    print(b.isascii(), b.islower(), b.isupper(), b.istitle())
print(b"Hello World".istitle(), b"Hello world".istitle(), b"HELLO".istitle(), b"1A".istitle())
print(b"a\tb\tc".expandtabs(), b"a\tb".expandtabs(4), bytearray(b"x\ty").expandtabs(tabsize=2))
print(b"abcabc".rindex(b"b"), bytearray(b"abcabc").rindex(b"c", 0, 4), b"abc".rindex(99))
try:
    b"abc".rindex(b"z")
except ValueError as e:
    print("ValueError:", e)
table = bytes.maketrans(b"abc", b"xyz")
print(len(table), table[97:100], bytearray.maketrans(b"a", b"b")[97])
print(b"aabbcc".translate(table), b"aabbcc".translate(None, b"b"))
print(bytearray(b"abc").translate(table, delete=b"c"))
try:
    b"x".translate(b"short")
except ValueError as e:
    print("ValueError:", e)
try:
    bytes.maketrans(b"ab", b"c")
except ValueError as e:
    print("ValueError:", e)
print("Hello World".istitle(), "hello".istitle(), "".isascii(), "é".isascii())
print("{a}-{b}".format_map({"a": 1, "b": "x"}))
try:
    "{c}".format_map({})
except KeyError as e:
    print("KeyError:", e)
