# PEP 479: a StopIteration escaping a generator's body becomes a RuntimeError.
def inner():
    yield 1
    next(iter([]))
    yield 2


try:
    list(inner())
except RuntimeError as e:
    print(type(e).__name__, e)


def explicit():
    yield 1
    raise StopIteration("x")


for v in explicit():
    print(v)
