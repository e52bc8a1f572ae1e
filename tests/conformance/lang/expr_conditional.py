# The conditional expression (a if cond else b), nested and lazily evaluated.
for n in [0, 1, 5, 11]:
    size = "zero" if n == 0 else "small" if n < 10 else "big"
    print(n, size)
x = 3
print("even" if x % 2 == 0 else "odd")
print((1 if x else 2) + 10)
print(1 if x else 2 + 10)
print([("y" if i % 2 else "n") for i in range(4)])
print(1 / 0 if False else "lazy")
print("lazy too" if True else 1 / 0)
data = b""
print(repr(data) if data else "empty data")
f = lambda v: "neg" if v < 0 else "nonneg"
print(f(-1), f(0))
