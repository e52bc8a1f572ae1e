# hex(), repr and str of ints; ints in containers.
print(hex(0), hex(1), hex(255), hex(-255), hex(65535), hex(2 ** 32), hex(3735928559))
print(repr(hex(16)), type(hex(16)).__name__)
print(0xdeadbeef, 0XFF, 0o777, 0b1111_0000, 1_000_000)
print([1, -2, 2 ** 65], (0,), {1: 2})
print(str(123) + "4", repr(123) == str(123))
print(-0, +0, 0 == -0)
print(hex(int("c0a80101", 16)))
print(int(hex(12345), 16))
for n in [0x7f, 0x80, 0xff, 0x100]:
    print(n, hex(n))
try:
    hex(1.5)
except TypeError as e:
    print("TypeError:", e)
try:
    hex("10")
except TypeError as e:
    print("TypeError:", e)
