# abs, hex, ord, chr.
print(abs(-5), abs(5), abs(-2.5), abs(0), abs(-0.0), abs(-(2 ** 100)), abs(True), abs(float("-inf")))
print(hex(0), hex(10), hex(-1), hex(2 ** 64), hex(0xCAFE))
print(ord("A"), ord("a"), ord("0"), ord("\n"), ord(" "), ord("é"), ord("€"), ord("😀"), ord("\x00"))
print(chr(65), chr(97), repr(chr(10)), repr(chr(0)), chr(233), chr(0x20ac), chr(0x1F600), repr(chr(127)))
print(ord(b"A"), ord(bytearray(b"z")))
print("".join([chr(ord(c) + 1) for c in "HAL"]))
print([hex(b) for b in b"\x00\x7f\xff"])
print(chr(ord("a") - 32), ord(chr(1000)) == 1000)
try:
    ord(65)
except TypeError as e:
    print("TypeError:", e)
try:
    chr("A")
except TypeError as e:
    print("TypeError:", e)
try:
    chr(0x110000)
except ValueError as e:
    print("ValueError:", e)
