# float repr is the shortest string that round-trips, switching to exponent form at 1e16.
values = [0.1 + 0.2, 1e16, 1e15, 1e-5, 1e-4, 0.0001, 2.0, -0.0, 0.0, 1.5, 100.0,
          1e22, 1e-7, 123456789.123, 1 / 3, 2 / 3, 10 / 3, 0.1, 0.5, 3.14159,
          1e100, 1.7976931348623157e308, 5e-324, 2.2250738585072014e-308,
          123456789012345678.0, 9007199254740993.0, 1234567890123456.7, 12345678901234567.0,
          0.000123, 1.0e-3, 4.35, 2.675, 1e-10, 3e8, -1.25e-9]
for v in values:
    print(repr(v), str(v), v)
print(float("inf"), float("-inf"), float("nan"), -float("inf"))
print(repr(float("nan")), repr(float("-nan")), repr(float("infinity")), repr(float("-Infinity")))
print([0.1, -0.0, 1e16, float("inf")], (2.5,), {1.0: 2.0})
print(1e16 == 10 ** 16, 1e16 + 1, 1e16 + 2, 0.1 * 3, 1.1 * 1.1)
print(float(2 ** 53), float(2 ** 53 + 1), float(10 ** 20), float(-(10 ** 16)))
print(1.0, 10.0, 1e1, 1e0, 1.0e+2, 100e-2, .5, 5., 0e0)
