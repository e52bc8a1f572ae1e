# Comprehensions inside nested functions read the enclosing functions' variables.
def outer():
    items = [1, 2, 3]

    def inner():
        return [x * 2 for x in items]

    return inner()


print(outer())


def three_levels():
    a = 1

    def m1():
        b = 2

        def m2():
            c = 3
            return (
                [a + b + c + x for x in range(2)],
                {x: a * b for x in "xy"},
                {a + b + c},
                [[a + y for y in range(x)] for x in range(3)],
            )

        return m2()

    return m1()


print(three_levels())


def uses_later_assigned():
    def show():
        return [v for v in values]

    values = ["late"]
    return show()


print(uses_later_assigned())


def closures_in_comp():
    k = 10
    fs = [lambda: k + i for i in range(3)]
    gs = [(lambda i=i: k + i) for i in range(3)]
    return [f() for f in fs], [g() for g in gs]


print(closures_in_comp())


def method_holder():
    scale = 3

    class Inner:
        def scaled(self, xs):
            return [x * scale for x in xs]

    return Inner().scaled([1, 2])


print(method_holder())


def counter():
    count = 0

    def bump(xs):
        nonlocal count
        count += len([x for x in xs if x])
        return count

    bump([1, 0, 1])
    return bump([1])


print(counter())
