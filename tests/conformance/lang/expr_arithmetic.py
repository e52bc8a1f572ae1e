# Arithmetic operators on int, float and bool, and their precedence.
print(7 + 3, 7 - 3, 7 * 3, 7 / 3, 7 // 3, 7 % 3, 7 ** 3)
print(-7 + 3, -7 - 3, -7 * 3, -7 / 3, -7 // 3, -7 % 3)
print(7 // -3, 7 % -3, -7 // -3, -7 % -3)
print(6 / 3, 1 / 4, 10 / 4, 2 ** -1, 2 ** -2)
print(1 + 2 * 3, (1 + 2) * 3, 2 ** 3 ** 2, -2 ** 2, (-2) ** 2)
print(10 - 4 - 3, 100 / 10 / 5, 2 * 3 % 4, 17 % 5 * 2)
print(+5, -(-5), --5, -+-5, ~5, ~-1)
print(True + True, True * 10, False - 1, True / 2)
print(3 + 0.5, 3 * 1.0, 3 - 3.0, 9 ** 0.5, 4 // 1.5, 4 % 1.5)
print(type(3 + 0.5).__name__, type(6 / 3).__name__, type(6 // 3).__name__, type(True + 1).__name__)
print(0 ** 0, 0.0 ** 0, 1 ** 1000, (-1) ** 1001)
print(1e300 * 1e10, -1e300 * 1e10)
print(5 % 1, 5.5 % 1, -5.5 % 1, 5.5 // 1)
x = 17
print(x // 5 * 5 + x % 5 == x)
print(2 ** 10 - 1, 2 ** 16, 2 ** 31, 2 ** 32 - 1, 2 ** 63)
print(1 - 0.9, 0.1 * 3, 3 * 0.1 == 0.3)
print(1_000_000 + 0x10 + 0o17 + 0b101)
try:
    print(1 / 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    print(1 // 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    print(1 % 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    print(1.0 / 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    print(1.5 // 0.0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    print(0.0 ** -1)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
