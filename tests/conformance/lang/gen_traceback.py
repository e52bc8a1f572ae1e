def inner():
    yield 1
    yield 1 / 0


def outer():
    yield from inner()


for x in outer():
    print(x)
