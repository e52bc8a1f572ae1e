def g():
    yield 1


print("start")
g().send(5)
