# CPython 3.11 limits int<->str conversion to 4300 decimal digits.
ok = 10 ** 4299
print(len(str(ok)))
print(len(repr(10 ** 4299 * 9)))
big = 10 ** 5000
print(big > ok, big % 7, len(hex(big)))
try:
    s = str(big)
    print("converted", len(s))
except ValueError as e:
    print("ValueError:", e)
try:
    n = int("1" * 5000)
    print("parsed", n % 10)
except ValueError as e:
    print("ValueError:", e)
print(int("1" * 4300) % 1000)
print(hex(2 ** 20000)[:10])
print(str(big))
