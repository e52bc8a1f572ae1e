# Indexing bytes gives ints; slicing gives bytes; iteration yields ints.
b = b"ABC\x00\xff"
print(b[0], b[-1], b[3], type(b[0]).__name__, len(b))
print(b[0:1], b[1:], b[::-1], b[:0], type(b[0:1]).__name__)
print(list(b), [x for x in b], tuple(b"hi"))
print(sum(b"\x01\x02\x03"), max(b"abc"), min(b"abc"), sorted(b"cab"))
print(bytes([b[0], b[1]]), chr(b[0]), ord("A") == b[0])
print(b"A" in b, 65 in b, b"" in b, b"AB" in b, b"BA" in b)
print(b == b"ABC\x00\xff", b != b"abc", b < b"B", b"" < b"\x00")
ba = bytearray(b"abc")
ba[1] = 0x42
ba += b"def"
print(ba, ba[0], ba[-1], len(ba), bytes(ba), list(ba)[:3])
print(bytes(ba[::-1]))
total = 0
for byte in b"\x10\x20":
    total = total * 256 + byte
print(total, hex(total))
try:
    print(b[5])
except IndexError as e:
    print("IndexError:", e)
try:
    b[0] = 1
except TypeError as e:
    print("TypeError:", e)
try:
    ba[0] = 256
except ValueError as e:
    print("ValueError:", e)
