def f():
    return [yield 1]
