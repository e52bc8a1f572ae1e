# Arbitrary-size integers: powers, products, growth past 64 bits.
print(2 ** 128)
print(2 ** 64, 2 ** 64 - 1, -(2 ** 63), 2 ** 63 - 1)
print(2 ** 200)
print(3 ** 100)
print(10 ** 50 + 1)
print(-(7 ** 77))
x = 1
for i in range(1, 31):
    x *= i
print("30! =", x)
print(x // (2 ** 20), x % 1000003)
print(2 ** 128 // 3, 2 ** 128 % 7, -(2 ** 128) // 3, -(2 ** 128) % 7)
print((2 ** 128) * (2 ** 128) == 2 ** 256)
print(9223372036854775807 + 1, -9223372036854775808 - 1)
print(4294967295 * 4294967297)
print(18446744073709551615 * 18446744073709551615)
print(len(str(2 ** 10000)))
print(str(2 ** 1000)[:20], str(2 ** 1000)[-20:])
print(2 ** 128 / 2 ** 127, (2 ** 128 + 1) / 2)
print(type(2 ** 200).__name__, type(2 ** 3).__name__)
big = 12345678901234567890123456789
print(big, -big, abs(-big), big + 0.0)
print(hex(2 ** 100), hex(-(2 ** 70)))
print(2 ** 100 == 2.0 ** 100, 2 ** 53 + 1 == float(2 ** 53 + 1))
