# map() and filter(): with functions, lambdas, None, several iterables.
words = ["alpha", "beta", "gamma"]
print(list(map(len, words)), list(map(str.upper, words)))
print(list(map(lambda a, b: a * b, [1, 2, 3], [4, 5, 6, 7])))
print(list(filter(None, [0, 1, "", "x", None, [], [2]])))
print(list(filter(lambda n: n % 2, range(10))))
m = map(int, ["1", "2"])
print(type(m).__name__, next(m), list(m), list(m))
print(sorted(map(abs, [-3, 1, -2])), sum(map(int, "123")))
print(type(filter(None, [])).__name__)
try:
    map(len)
except TypeError as e:
    print(type(e).__name__, e)
