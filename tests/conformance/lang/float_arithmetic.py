# float arithmetic, mixed with int, special values.
inf = float("inf")
nan = float("nan")
print(0.1 + 0.7, 0.3 - 0.1, 1.1 * 3, 2.2 / 2, 7.0 // 2, 7.5 % 2)
print(2.0 ** 0.5, 2 ** 0.5, 10 ** -2, 1.5 ** 2, (-8.0) ** 2, 4 ** 0.5)
print(inf + 1, inf - inf, inf * 0, -inf * -1, inf / inf, 1 / inf, -1 / inf)
print(nan + 1, nan == nan, nan != nan, nan < 1, nan > 1, inf == inf)
print(1e308 * 10, -1e308 * 10, 1e-320 / 1e10, 5e-324 / 2)
print(0.1 + 0.2 == 0.3, abs(0.1 + 0.2 - 0.3) < 1e-9)
print(3 * 1.5, 10 / 4, 10 / 5, -10 / 4, 1 / 3 * 3)
print(float(1) == 1, 0.5 + 0.5 == 1)
print(max(1, 2.0), min(1.0, 1), max(2, 2.0), max(2.0, 2))
print(sum([0.1] * 10), sum([0.1, 0.2, 0.3]))
print(abs(-2.5), abs(-0.0), abs(-inf))
print(-0.0 + 0.0, -0.0 - 0.0, -0.0 * 1, 0.0 * -1, -(0.0))
t = 0.0
for i in range(10):
    t += 0.1
print(t, t == 1.0)
print(1.0 % 0.1, 1.0 // 0.1, 0.5 // 0.1)
print(2.5 * 4 == 10, 1e3, 12.0 / 0.5)
print(int(2.5 + 2.5), int(1e16), int(123.999), float(int(7.9)))
