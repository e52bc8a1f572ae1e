# Generator functions: yield, next(), StopIteration and its value, iteration.
def count(n):
    i = 0
    while i < n:
        yield i
        i += 1
    return "done"


g = count(3)
print(type(g).__name__, iter(g) is g)
print(repr(g).split(" at ")[0])
print(g.__name__, g.__qualname__)
print(next(g), next(g), next(g))
try:
    next(g)
except StopIteration as e:
    print("stop", repr(e.value), e.args)
try:
    next(g)
except StopIteration as e:
    print("again", repr(e.value), e.args)
print(next(g, "default"))
print(list(count(5)), sum(count(10)), max(count(4)), sorted(count(3), reverse=True))
print(tuple(count(2)), set(count(3)), dict(zip(count(3), "abc")))
print(list(enumerate(count(3))), 2 in count(5), 9 in count(5))
a, b, c = count(3)
print(a, b, c)
first, *rest = count(4)
print(first, rest)


def empty():
    return
    yield


print(list(empty()))


def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


out = []
for n in fib():
    if n > 100:
        break
    out.append(n)
print(out)


def outer():
    def inner():
        yield 1
    return inner()


print(repr(outer()).split(" at ")[0])


class Tree:
    def __init__(self, items):
        self.items = items

    def __iter__(self):
        for it in self.items:
            yield it * 10


print(list(Tree([1, 2, 3])))
lam = lambda: (yield 7)
print(type(lam()).__name__, list(lam()))
gen = count(2)
print(gen.gi_running, next(gen))
it = count(10)
print(3 in it, next(it), 3 in it)
print(5 in map(abs, [-5]), 2 in filter(None, [0, 2]))
