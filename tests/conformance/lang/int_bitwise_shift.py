# Bitwise operators and shifts, including on big and negative ints.
print(0b1100 & 0b1010, 0b1100 | 0b1010, 0b1100 ^ 0b1010, ~0b1100)
print(-5 & 0xFF, -1 & 0xFFFFFFFF, -1 ^ 0, -6 | 1, -6 >> 1, -1 >> 10)
print(1 << 0, 1 << 10, 1 << 64, 1 << 100, 3 << 62)
print(2 ** 100 >> 90, (2 ** 100 + 5) & 7, (2 ** 100) | 1)
print(0xC0A80001 >> 24, (0xC0A80001 >> 16) & 0xFF, 0xC0A80001 & 0xFF)
ip = (192 << 24) | (168 << 16) | (1 << 8) | 10
print(ip, hex(ip))
mask = (0xFFFFFFFF << (32 - 24)) & 0xFFFFFFFF
print(mask, hex(mask), ip & mask, hex(ip & mask))
print(0x1234 >> 8, 0x1234 & 0xFF, (0x12 << 8) | 0x34)
print(True & False, True | False, True ^ True, type(True & True).__name__, type(True & 3).__name__)
print(~True, ~False, -1 << 3, 5 >> 100)
try:
    print(1 << -1)
except ValueError as e:
    print("ValueError:", e)
try:
    print(1.0 << 1)
except TypeError as e:
    print("TypeError:", e)
try:
    print(1 & 1.0)
except TypeError as e:
    print("TypeError:", e)
