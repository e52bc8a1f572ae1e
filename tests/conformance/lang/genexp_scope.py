# Generator expressions read the enclosing function's variables (late, through cells),
# at every depth; in a class body only the first iterable sees the class's names.
def make(k):
    return (x + k for x in range(3))


print(list(make(10)))


def outer():
    base = 100

    def middle():
        step = 10

        def inner():
            return list(b + s + x for x in range(2) for b in [base] for s in (step,))

        return inner()

    return middle()


print(outer())


def counter():
    items = [3, 1, 2]

    def biggest():
        return max(i for i in items)

    items.append(7)
    return biggest()


print(counter())


class Config:
    names = ["a", "b"]
    upper = list(n.upper() for n in names)


print(Config.upper)


def funcs():
    return list((lambda: i) for i in range(3))


print([f() for f in funcs()])
