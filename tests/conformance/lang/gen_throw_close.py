# throw() and close(): exceptions at the paused yield, finally blocks, GeneratorExit.
def worker():
    try:
        while True:
            try:
                x = yield "waiting"
                print("got", x)
            except ValueError as e:
                print("handled", e)
                yield "recovered"
    finally:
        print("cleanup")


w = worker()
print(next(w))
print(w.send(1))
print(w.throw(ValueError("bad")))
print(next(w))
print(w.throw(ValueError, "second"))
w.close()
print("closed")
w.close()
try:
    next(w)
except StopIteration:
    print("finished after close")


def plain():
    yield 1
    yield 2


p = plain()
print(next(p))
try:
    p.throw(KeyError("k"))
except KeyError as e:
    print("propagated", repr(e))
print(list(p))
q = plain()
try:
    q.throw(IndexError)
except IndexError:
    print("thrown before start")
print(list(q))
r = plain()
r.close()
print(list(r))


def ignores():
    while True:
        try:
            yield
        except GeneratorExit:
            print("ignoring")


i = ignores()
next(i)
try:
    i.close()
except RuntimeError as e:
    print(e)


def closes():
    try:
        yield 1
    except GeneratorExit:
        print("exit seen")
        raise


c = closes()
next(c)
print(c.close())


def returns_on_exit():
    try:
        yield 1
    except GeneratorExit:
        return "ignored value"


c = returns_on_exit()
next(c)
print(c.close())
try:
    plain().throw(1)
except TypeError as e:
    print(e)
try:
    plain().throw()
except TypeError as e:
    print(e)


def with_block():
    class Res:
        def __enter__(self):
            print("enter")
            return self

        def __exit__(self, *exc):
            print("exit", exc[0].__name__ if exc[0] else None)

    with Res():
        yield 1
        yield 2


wb = with_block()
next(wb)
wb.close()
