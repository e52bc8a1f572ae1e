# Floor division and modulo round toward negative infinity.
for a in [7, -7, 0, 13, -13]:
    for b in [3, -3, 5]:
        print(a, b, a // b, a % b, (a // b) * b + a % b == a)
print(-1 // 2, -1 % 2, 1 // -2, 1 % -2)
print(-(2 ** 70) // 3, -(2 ** 70) % 3, (2 ** 70) // -3, (2 ** 70) % -3)
print(-7.5 // 2, -7.5 % 2, 7.5 // -2, 7.5 % -2)
print(-0.0 % 5, 0.0 % -5, -1e-20 % 1.0)
print(10 // 3.0, -10 // 3.0, 10 % -3.0)
print(-9 // 10, -10 // 10, -11 // 10)
print(1 // 1, 0 // 5, 0 % -5)
