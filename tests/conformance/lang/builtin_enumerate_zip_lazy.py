# enumerate() and zip() are lazy: they work on endless generators and interleave with
# the loop that consumes them.
def naturals():
    n = 0
    while True:
        print("producing", n)
        yield n
        n += 1


for i, v in enumerate(naturals(), 1):
    print(i, v)
    if i == 2:
        break
for a, b in zip(naturals(), "xy"):
    print(a, b)
e = enumerate("ab")
print(type(e).__name__, repr(e).split(" at ")[0], iter(e) is e, next(e), list(e))
z = zip([1, 2], [3, 4])
print(type(z).__name__, repr(z).split(" at ")[0], iter(z) is z, next(z), list(z), list(z))
print(list(zip()), list(zip([1, 2, 3])), list(enumerate([], 5)))
it = iter([1, 2, 3, 4])
print(list(zip(it, "ab")), next(it))
print(list(zip([1, 2], "ab", strict=True)))
for args in [([1], "ab"), ([1, 2], "a"), ([1, 2], [1, 2], [3]), ([1], [2], [3, 4])]:
    try:
        print(list(zip(*args, strict=True)))
    except ValueError as err:
        print(err)
print(dict(zip("abc", range(3))), list(enumerate(zip("ab", "cd"))))
