# list repr (nested, self-referencing), +, *, comparison, len, aliasing.
print([], [1], [1, [2, [3, []]]], [None, True, 1.0, "s", b"b", (1,), {}])
print(["it's", 'q"', "\n"])
a = [1, 2]
a.append(a)
print(a)
print(len(a), a[2] is a)
b = [0] * 3
print(b, [1, 2] * 2, 2 * ["x"], [] * 5, [0] * 0, [1] * -1)
grid = [[0] * 2] * 2
grid[0][0] = 1
print(grid)
grid2 = [[0] * 2 for _ in range(2)]
grid2[0][0] = 1
print(grid2)
print([1, 2] + [3], [1] + [], list("abc") + ["d"])
print([1, 2] == [1, 2], [1, 2] != [2, 1], [1, 2] < [1, 2, 3], [[1]] == [[1]])
print(list(), list((1, 2)), list(range(3)), list("hi"), list(b"hi"), list({"a": 1}))
c = [5, 3, 8]
d = c
d.append(1)
print(c, c is d, c[:] is c, list(c) is c)
print(max([3, 7, 2]), min([3, 7, 2]), sum([3, 7, 2]), sorted([3, 7, 2]), sorted([3, 7, 2], reverse=True))
nested = [[3, "c"], [1, "a"], [2, "b"]]
print(sorted(nested), sorted(nested, key=lambda p: p[1], reverse=True))
try:
    [1] + (2,)
except TypeError as e:
    print("TypeError:", e)
try:
    print([1, 2, 3][3])
except IndexError as e:
    print("IndexError:", e)
try:
    key = "0"
    print([1][key])
except TypeError as e:
    print("TypeError:", e)
