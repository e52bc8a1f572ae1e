# bytearray as a mutable receive buffer.
buf = bytearray()
print(buf, len(buf), bool(buf))
buf += b"HELLO "
buf += bytearray(b"WORLD")
print(buf, len(buf), bytes(buf))
buf[0] = ord("J")
print(buf, buf[0], buf[-1], buf[1:5], type(buf[1:5]).__name__)
print(buf.decode(), buf.lower(), buf.find(b"WORLD"), buf.startswith(b"JE"))
print(buf.split(b" "), buf.strip(b"JD"), buf.hex(), b"-".join([buf[:2], b"x"]))
print(buf == b"JELLO WORLD", b"JELLO WORLD" == buf, buf + b"?", buf * 2)
line_end = buf.find(b" ")
first, rest = bytes(buf[:line_end]), bytes(buf[line_end + 1:])
print(first, rest)
print(list(bytearray(b"\x00\x01\xff")), bytearray(range(3)), bytearray(b"ab") + b"cd")
print(repr(bytearray(b"q'\"")), str(bytearray(b"z")))
b2 = bytearray(4)
for i in range(4):
    b2[i] = 65 + i
print(b2, bytes(b2).decode())
try:
    buf[0] = b"x"
except TypeError as e:
    print("TypeError:", e)
