# Generator expressions are lazy: only the first iterable is evaluated at once.
def noisy(n):
    print("making", n)
    return range(n)


def check(x):
    print("checking", x)
    return x > 3


g = (check(x) for x in noisy(5))
print("made", type(g).__name__, repr(g).split(" at ")[0])
print(next(g))
print(any(check(x) for x in [1, 5, 2, 9]))
print(all(check(x) for x in [5, 1, 9]))
n = 2
late = (x * n for x in range(3))
n = 10
print(list(late))
print(list(late))
print(sum(x * x for x in range(1000)), max(len(w) for w in ["a", "abc", "ab"]))
print(list((x, y) for x in range(3) for y in range(x) if (x + y) % 2))
print(sorted((c for c in "hello" if c != "l"), reverse=True))
print(" ".join(str(i) for i in range(5)))
print(dict((k, len(k)) for k in ["ab", "c"]))
try:
    (x for x in 5)
except TypeError as e:
    print("at once:", e)
bad = (1 // x for x in [1, 0])
print(next(bad))
try:
    next(bad)
except ZeroDivisionError as e:
    print("later:", e)
print(list(bad))
nested = (list(y * 2 for y in range(x)) for x in range(3))
print(list(nested))
it = iter([1, 2, 3, 4])
evens = (x for x in it if x % 2 == 0)
print(next(evens), next(it), list(evens))
ge = (x for x in range(3))
print(iter(ge) is ge, ge.__name__)
ge.close()
print(list(ge))
x = "outer"
print(list(x for x in "ab"), x)
