# List comprehensions: simple, with if, nested, and nested-with-if.
print([x * x for x in range(6)])
print([x for x in range(20) if x % 3 == 0])
print([c.upper() for c in "abc"])
print([b for b in b"AZ"])
print([(x, y) for x in range(3) for y in "ab"])
print([(x, y) for x in range(4) if x % 2 for y in range(x) if y != 1])
print([[x * y for y in range(3)] for x in range(3)])
matrix = [[1, 2, 3], [4, 5, 6]]
print([row[i] for row in matrix for i in range(len(row)) if row[i] % 2 == 0])
print([[row[i] for row in matrix] for i in range(3)])
print([k + "=" + str(v) for k, v in {"a": 1, "b": 2}.items()])
print([i for i, ch in enumerate("banana") if ch == "a"])
print([x if x > 0 else 0 for x in [-2, -1, 0, 1, 2]])
print([] == [x for x in []])
words = "the quick brown fox".split()
print([w for w in words if len(w) > 3])
print(sum([x for x in range(101)]))
print([len(w) for w in words])
x = "outer"
print([x for x in range(3)], x)
n = 10
print([n + i for i in range(3)])
def scale(k):
    return [k * v for v in [1, 2, 3]]
print(scale(3))
print([f(2) for f in [lambda v: v + 1, lambda v: v * 10]])
