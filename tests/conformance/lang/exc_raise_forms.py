# raise an instance, a class, raise ... from ..., and errors raising non-exceptions.
try:
    raise ValueError
except ValueError as e:
    print(repr(e), e.args, str(e) == "")
try:
    raise ValueError("with message")
except ValueError as e:
    print(repr(e), e.args)
try:
    raise OSError(98, "Address already in use")
except OSError as e:
    print(repr(e), e.errno, e.strerror, e.args, str(e))
try:
    try:
        {}["k"]
    except KeyError as e:
        raise RuntimeError("lookup failed") from e
except RuntimeError as e:
    print(repr(e))
try:
    raise ValueError("x") from None
except ValueError as e:
    print(repr(e))
try:
    raise "string exception"
except TypeError as e:
    print("TypeError:", e)
try:
    raise 42
except TypeError as e:
    print("TypeError:", e)
class NotAnException:
    pass
try:
    raise NotAnException()
except TypeError as e:
    print("TypeError:", e)
try:
    raise ValueError("a") from 5
except TypeError as e:
    print("TypeError:", e)
try:
    raise KeyError("original")
except KeyError as first:
    try:
        raise IndexError("second")
    except IndexError as second:
        print(repr(second), repr(first))
def f():
    raise NotImplementedError("subclass must implement")
try:
    f()
except NotImplementedError as e:
    print(type(e).__name__, e)
try:
    raise
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    {}["missing"]
except KeyError as e:
    raise ValueError("bad key") from e
