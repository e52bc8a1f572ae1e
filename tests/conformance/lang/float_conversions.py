# float() from strings and ints, and errors.
print(float("1.5"), float("  -2.25  "), float("1e3"), float("1E-3"), float(".5"), float("5."))
print(float("inf"), float("-inf"), float("+INF"), float("nan"), float("Infinity"))
print(float("1_000.5"), float("0"), float("-0"), float("00012"))
print(float(3), float(-3), float(True), float(), float(10 ** 30))
print(float("0.1") + float("0.2"), float("1e500"), float("-1e500"), float("1e-500"))
print(str(1.5), repr(2.0), str(1e20), str(1e-20))
print(float(b"2.5"))
for bad in ["", "abc", "1.5.5", "1e", "0x10", "1,5", "- 1"]:
    try:
        float(bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    float(None)
except TypeError as e:
    print("TypeError:", e)
try:
    float([1.0])
except TypeError as e:
    print("TypeError:", e)
try:
    float(2 ** 1024)
except OverflowError as e:
    print("OverflowError:", e)
try:
    print(2 ** 1024 / 1)
except OverflowError as e:
    print("OverflowError:", e)
try:
    print(2 ** 1024 * 1.0)
except OverflowError as e:
    print("OverflowError:", e)
try:
    print(2.0 ** 10000)
except OverflowError as e:
    print("OverflowError:", e, e.args)
print(10 ** 400 // 10 ** 398, (10 ** 400) / (10 ** 399))
