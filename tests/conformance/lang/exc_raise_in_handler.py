# An exception raised while handling another: the new one propagates (last line of the traceback).
def parse(text):
    try:
        return int(text)
    except ValueError:
        print("could not parse", repr(text))
        return {}["fallback"]

try:
    parse("abc")
except KeyError as e:
    print("caught", repr(e))
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise OSError(111, "Connection refused")
except ConnectionRefusedError as e:
    print("caught", repr(e))
try:
    raise TypeError("original")
except TypeError:
    raise RuntimeError("while handling")
