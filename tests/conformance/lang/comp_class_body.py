# In a class body a comprehension's first iterable sees the class's names; the rest of
# it does not (CPython's NameError below).
class Fine:
    xs = [1, 2, 3]
    doubled = [x * 2 for x in xs]
    pairs = {x: x for x in xs}


print(Fine.doubled, Fine.pairs)


class Bad:
    k = 3
    zs = [x + k for x in range(2)]
