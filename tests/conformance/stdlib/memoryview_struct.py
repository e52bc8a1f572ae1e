# A length header read through a memoryview: struct.unpack and unpack_from take views.
import struct
buf = bytearray(b"\x00\x00\x00\x05hello\x00\x02")
view = memoryview(buf)
print(struct.unpack("!I", view[:4]), struct.unpack_from("!H", view, 9), struct.unpack_from("!I", memoryview(b"\x00\x00\x01\x00")))
print(str(memoryview(b"abc"), "ascii") if False else bytes(view[4:9]).decode())
