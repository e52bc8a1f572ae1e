# Time-outs become whole nanoseconds, as in CPython: what gettimeout() gives back, the
# limits, and the errors of settimeout, setdefaulttimeout, create_connection, select
# and time.sleep for values out of range.
import select
import socket
import time

s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
values = [1/3, 1e-10, 0.1, 2.5, 1e-9, 123.456789123456, 0.0, 0, 5, True, -0.0,
          9223372036, 9223372036.0, 2**62 / 1e9,
          -1e-10, -1, 9223372037, 10**30, -10**30, -9223372037, 2**63,
          9.3e9, 9.2e12, 1e300, -1e300, float("inf"), float("-inf"), float("nan"),
          "1", b"1", [], None]
for t in values:
    try:
        s.settimeout(t)
        print("settimeout", repr(t), "->", repr(s.gettimeout()), s.getblocking())
    except Exception as e:
        print("settimeout", repr(t), type(e).__name__, e)
s.close()

for t in [1/3, 10**30, 9.3e9, -1e300, -5, "x"]:
    try:
        socket.setdefaulttimeout(t)
        c = socket.socket()
        print("setdefaulttimeout", repr(t), "->", socket.getdefaulttimeout(), c.gettimeout())
        c.close()
    except Exception as e:
        print("setdefaulttimeout", repr(t), type(e).__name__, e)
socket.setdefaulttimeout(None)

for t in [10**30, 1e300, -1]:
    try:
        socket.create_connection(("127.0.0.1", 9), timeout=t)
    except Exception as e:
        print("create_connection", repr(t), type(e).__name__, e)

for t in [10**30, 1e300, -1, -1e-10, float("nan"), "x", [], 0, 0.0, 1e-10, False]:
    try:
        print("select", repr(t), select.select([], [], [], t))
    except Exception as e:
        print("select", repr(t), type(e).__name__, e)

for t in [10**30, 1e300, -1, -1e-10, float("nan"), float("inf"), "x", 0, 1e-10, False]:
    try:
        print("sleep", repr(t), time.sleep(t))
    except Exception as e:
        print("sleep", repr(t), type(e).__name__, e)
