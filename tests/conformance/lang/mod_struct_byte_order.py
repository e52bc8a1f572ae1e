# Byte-order prefixes ! > < = @ and native alignment in calcsize.
import struct
for prefix in ["!", ">", "<", "="]:
    print(prefix, struct.pack(prefix + "HI", 1, 2), struct.calcsize(prefix + "HI"), struct.calcsize(prefix + "BI"), struct.calcsize(prefix + "BQ"))
print(struct.pack("<H", 0x0102), struct.pack(">H", 0x0102), struct.pack("<I", 1), struct.pack(">Q", 2))
print(struct.pack("@BI", 1, 2), struct.calcsize("@BI"), struct.calcsize("BI"), struct.calcsize("IB"))
print(struct.calcsize("@BH"), struct.calcsize("@BQ"), struct.calcsize("@Bl"), struct.calcsize("@L"), struct.calcsize("@q"))
print(struct.calcsize("!L"), struct.calcsize("<l"), struct.calcsize("@?"), struct.calcsize("@5s"), struct.calcsize("@3x"))
print(struct.calcsize(""), struct.calcsize("!"), struct.calcsize("!10B"), struct.calcsize("!BHI"), struct.calcsize("!QQ"))
print(struct.calcsize("B H I"), struct.pack("! H H", 1, 2))
print(struct.unpack("<I", b"\x01\x00\x00\x00"), struct.unpack(">I", b"\x01\x00\x00\x00"))
print(struct.unpack("<h", b"\xfe\xff"), struct.unpack("<q", b"\xff" * 8))
print(struct.pack("=H", 1) == struct.pack("<H", 1))
print(struct.pack("IH", 1, 2), struct.pack("HI", 1, 2))
