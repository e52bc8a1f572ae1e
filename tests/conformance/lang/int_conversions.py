# int() from strings, floats, bools, with bases; and str() back.
print(int("42"), int("-17"), int("  12  "), int("+5"), int("0"), int("007"))
print(int("1_000"), int("\t99\n"))
print(int("ff", 16), int("FF", 16), int("0xff", 16), int("0xff", 0), int("0o17", 0), int("0b101", 0))
print(int("777", 8), int("1010", 2), int("z", 36), int("10", 0))
print(int(3.9), int(-3.9), int(1e20), int(-0.5), int(True), int(False))
print(int(), int(2 ** 70), int("123456789012345678901234567890"))
print(str(42), str(-0), str(10 ** 20), repr(7), repr(-2 ** 65))
for bad in ["", "abc", "1.5", "12a", "0x10", " ", "1 2", "--1"]:
    try:
        int(bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    int("9", 8)
except ValueError as e:
    print("ValueError:", e)
try:
    int(None)
except TypeError as e:
    print("TypeError:", e)
try:
    int([1])
except TypeError as e:
    print("TypeError:", e)
try:
    int(float("inf"))
except OverflowError as e:
    print("OverflowError:", e)
try:
    int(float("nan"))
except ValueError as e:
    print("ValueError:", e)
try:
    int(5, 16)
except TypeError as e:
    print("TypeError:", e)
print(int(b"42"), int(b" -7 "))
