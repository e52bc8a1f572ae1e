# __exit__ sees the exception; returning True suppresses it, a false value re-raises.
class Manager:
    def __init__(self, suppress):
        self.suppress = suppress

    def __enter__(self):
        print("enter, suppress =", self.suppress)
        return self

    def __exit__(self, exc_type, exc, tb):
        if exc_type is None:
            print("exit: no exception")
        else:
            print("exit:", exc_type.__name__, repr(exc), exc.args)
        return self.suppress

with Manager(True):
    raise ValueError("suppressed")
print("after suppressed block")

try:
    with Manager(False):
        raise KeyError("k")
    print("not reached")
except KeyError as e:
    print("propagated:", repr(e))

try:
    with Manager(None):
        1 / 0
except ZeroDivisionError as e:
    print("None does not suppress:", e)

with Manager(1):
    raise OSError(98, "Address already in use")
print("truthy 1 suppresses too")

with Manager(False):
    print("body ok")

with Manager(True):
    x = 1
    raise RuntimeError("boom")
    x = 2
print("x =", x)

with Manager(False):
    raise ConnectionResetError(104, "Connection reset by peer")
