# send(): the value of a yield expression; priming with next(); send(None) is next().
def echo():
    received = []
    x = yield "ready"
    while x is not None:
        received.append(x)
        x = yield x * 2
    return received


e = echo()
print(next(e))
print(e.send(5), e.send(2.5), e.send([1]))
try:
    e.send(None)
except StopIteration as stop:
    print("returned", stop.value)


def acc():
    total = 0
    while True:
        v = yield total
        total += v


a = acc()
print(a.send(None), a.send(10), a.send(5), next(a) if False else a.send(0))
fresh = acc()
try:
    fresh.send(1)
except TypeError as err:
    print(err)
print(fresh.send(None))
try:
    e.send()
except TypeError as err:
    print(err)
try:
    e.send(1, 2)
except TypeError as err:
    print(err)


def aug():
    n = 1
    n += yield n
    n *= yield n
    yield n


g = aug()
print(next(g), g.send(4), g.send(3))
