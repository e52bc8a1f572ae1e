# range: arguments, repr, len, indexing, membership, iteration, negative steps.
print(range(5), range(2, 5), range(0, 10, 3), range(10, 0, -2), range(-3))
print(list(range(5)), list(range(2, 5)), list(range(0, 10, 3)), list(range(10, 0, -2)), list(range(-3)))
print(list(range(0)), list(range(5, 2)), list(range(2, 5, -1)), list(range(-5, -1)))
r = range(3, 30, 4)
print(len(r), r[0], r[-1], r[2], r[1:3], 7 in r, 8 in r, r == range(3, 31, 4))
print(sum(range(101)), max(range(7)), min(range(3, 9)), sorted(range(3), reverse=True))
print(list(range(2 ** 64, 2 ** 64 + 3)), len(range(2 ** 40)))
for i in range(3, 0, -1):
    print("countdown", i)
print(range(0, 1) == range(0, 1, 5), range(0) == range(5, 5))
try:
    range(1, 10, 0)
except ValueError as e:
    print("ValueError:", e)
try:
    range(1.5)
except TypeError as e:
    print("TypeError:", e)
try:
    range(3)[3]
except IndexError as e:
    print("IndexError:", e)
try:
    range("5")
except TypeError as e:
    print("TypeError:", e)
