# yield from: delegation of next/send/throw/close, and the sub-generator's return value.
def sub(n):
    got = []
    for i in range(n):
        x = yield i
        got.append(x)
    return got


def main():
    r = yield from sub(3)
    print("sub returned", r)
    r2 = yield from [10, 20]
    print("list gives", r2)
    yield from "ab"
    yield from (c.upper() for c in "xy")
    return "end"


m = main()
print(next(m), m.send(1.5), m.send([2]))
print(m.send(None))
print(list(m))


def catcher():
    while True:
        try:
            yield "ok"
        except KeyError:
            print("sub caught KeyError")
            yield "after"


def delegate():
    try:
        yield from catcher()
    finally:
        print("delegate finally")


d = delegate()
print(next(d), d.throw(KeyError), next(d))
try:
    d.throw(ValueError("v"))
except ValueError as e:
    print("escaped", e)


def closing_sub():
    try:
        yield 1
        yield 2
    finally:
        print("sub closed")


def deleg2():
    yield from closing_sub()


d2 = deleg2()
next(d2)
d2.close()
print("closed both")


def chain(*its):
    for it in its:
        yield from it


print(list(chain([1, 2], (3,), range(4, 6))))


def tree(n):
    if n:
        yield from tree(n - 1)
        yield n
        yield from tree(n - 1)


print(list(tree(3)))
