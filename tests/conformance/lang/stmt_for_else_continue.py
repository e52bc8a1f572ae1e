# for loops over every iterable kind, with break/continue/else.
for ch in "abc":
    print(ch, end=" ")
print()
for byte in b"AB\n":
    print(byte, end=" ")
print()
for item in [1, "two", 3.0]:
    print(repr(item), end=" ")
print()
for k in {"x": 1, "y": 2}:
    print(k, end=" ")
print()
for k, v in {"x": 1, "y": 2}.items():
    print(k, v, end="; ")
print()
for i in range(10, 0, -3):
    print(i, end=" ")
print()
for i, ch in enumerate("hey", 1):
    print(i, ch)
for a, b in zip([1, 2, 3], "xyz"):
    print(a, b)

for n in range(2, 20):
    for d in range(2, n):
        if n % d == 0:
            break
    else:
        print(n, "is prime")

for x in []:
    print("never")
else:
    print("empty loop else")

total = 0
for x in range(10):
    if x % 3 == 0:
        continue
    total += x
print("total", total)

# The loop variable keeps its last value.
for last in range(4):
    pass
print("last", last)
