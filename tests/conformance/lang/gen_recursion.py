# Deep recursion inside a generator's body, and generators nested deeply.
def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)


def g():
    yield depth(800)


print(next(g()))


def nest(n):
    if n == 0:
        yield "bottom"
    else:
        yield from nest(n - 1)


print(next(nest(300)))


def forever():
    yield from forever()


next(forever())
