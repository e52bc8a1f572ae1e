# settimeout()/gettimeout()/getblocking() for every kind of value, and the errors.
import socket

s = socket.socket()
for value in [5, 0.5, 0, 0.0, None, True, 1e-9]:
    s.settimeout(value)
    print(repr(value), "->", repr(s.gettimeout()), s.getblocking())
for value in [-1, -0.5, "5", float("nan"), 1e300]:
    try:
        s.settimeout(value)
        print(repr(value), "accepted")
    except (ValueError, TypeError, OverflowError) as e:
        print(repr(value), "->", type(e).__name__, e)
try:
    s.settimeout()
except TypeError as e:
    print(type(e).__name__, e)
s.close()
