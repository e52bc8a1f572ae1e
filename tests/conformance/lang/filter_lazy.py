# filter(): lazy; None keeps the true items.
def is_odd(x):
    print("testing", x)
    return x % 2


f = filter(is_odd, range(5))
print("made", type(f).__name__, repr(f).split(" at ")[0], iter(f) is f)
print(next(f))
print(list(f))
print(list(f))
print(list(filter(None, [0, 1, "", "a", None, [], [0]])))
print(list(filter(str.isdigit, "a1b2")))
evens = filter(lambda n: n % 2 == 0, range(10**12))
print(next(evens), next(evens), next(evens))
print(next(filter(None, []), "nothing"))
for args in [(), (None,), (None, [], 1)]:
    try:
        filter(*args)
    except TypeError as err:
        print(len(args), "->", err)
try:
    filter(None, 3)
except TypeError as err:
    print(err)
