import struct

header = struct.Struct("!HI")
print(header.format, header.size, type(header).__name__, isinstance(header, struct.Struct))
data = header.pack(7, 1000)
print(data, header.unpack(data), header.unpack_from(b"xx" + data, 2))
print(header.unpack_from(b"zz" + data, offset=2))
print(struct.Struct(b"<h").format, struct.Struct("3s").pack(b"abcdef"))
buf = bytearray(10)
header.pack_into(buf, 2, 1, 2)
print(buf)
struct.pack_into("!H", buf, 0, 0xABCD)
struct.pack_into("!B", buf, -1, 255)
print(buf)
print(list(struct.iter_unpack("!H", b"\x00\x01\x00\x02\x00\x03")))
print([x for (x,) in struct.Struct("<I").iter_unpack(b"\x01\x00\x00\x00\x02\x00\x00\x00")])
print(struct.unpack_from("!H", b"\x00\x00\x01\x02", offset=2))
records = struct.Struct("!4sH")
packet = b"".join(records.pack(name, port) for name, port in [(b"echo", 7), (b"time", 37)])
for name, port in records.iter_unpack(packet):
    print(name.decode(), port)


def attempt(fn):
    try:
        fn()
    except (struct.error, TypeError) as e:
        print(type(e).__name__ + ":", e)


attempt(lambda: struct.Struct("!Z"))
attempt(lambda: struct.Struct(5))
attempt(lambda: header.pack(1))
attempt(lambda: header.unpack(b"\x00"))
attempt(lambda: header.unpack_from(b"\x00" * 6, 3))
attempt(lambda: header.pack_into(bytearray(3), 0, 1, 2))
attempt(lambda: header.pack_into(bytes(8), 0, 1, 2))
attempt(lambda: struct.iter_unpack("!I", b"123"))
attempt(lambda: struct.pack_into("!I", bytearray(8), 6, 1))
attempt(lambda: struct.pack_into("!I"))
attempt(lambda: struct.pack_into("!I", bytearray(4)))
header.pack(70000, 1)
