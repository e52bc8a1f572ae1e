# reversed() of a list reads it as it is when asked; of a range it holds nothing.
items = [1, 2, 3, 4]
r = reversed(items)
print(type(r).__name__, repr(r).split(" at ")[0], iter(r) is r, next(r))
items[0] = "changed"
del items[-1]
print(list(r), list(r))
big = reversed(range(10**12))
print(type(big).__name__, next(big), next(big))
print(list(reversed(range(0, 10, 3))), list(reversed(range(5, 0, -2))), list(reversed(range(0))))
print(list(reversed([])), list(reversed((1, 2))), "".join(reversed("abc")), list(reversed(b"ab")))
print(list(reversed({"a": 1, "b": 2})))
shrink = [1, 2, 3]
s = reversed(shrink)
shrink.clear()
print(list(s))
for args in [(5,), ({1, 2},), (x for x in [])]:
    try:
        reversed(*args) if isinstance(args, tuple) else reversed(args)
    except TypeError as err:
        print(err)
