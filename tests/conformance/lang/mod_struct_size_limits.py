# struct sizes past what an index can hold are struct.error (found by fuzzing:
# the size arithmetic overflowed).
import struct

for fmt in ["3333333333333333333333333333I", "2305843009213693952I", "99999999999999I",
            "4611686018427387904s", "!" + "9" * 40 + "H"]:
    try:
        print(fmt[:12], struct.calcsize(fmt))
    except struct.error as e:
        print(fmt[:12], "struct.error:", e)
try:
    struct.unpack("99999999999999I", b"")
except struct.error as e:
    print("unpack:", e)
print(struct.calcsize("1000000000000s"))
for fmt in ["<2222222222222222222I", "<99999999999H", "2s3I"]:
    try:
        struct.pack(fmt, 1)
    except struct.error as e:
        print("pack", fmt[:8], "struct.error:", e)
