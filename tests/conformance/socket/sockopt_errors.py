# setsockopt()/getsockopt() argument checking and unknown options.
import socket

s = socket.socket()
checks = [
    ("str value", lambda: s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, "1")),
    ("None value", lambda: s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, None)),
    ("too few", lambda: s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR)),
    ("get too few", lambda: s.getsockopt(socket.SOL_SOCKET)),
    ("huge int", lambda: s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 2 ** 40)),
    ("unknown option", lambda: s.getsockopt(socket.SOL_SOCKET, 9999)),
    ("set unknown", lambda: s.setsockopt(socket.SOL_SOCKET, 9999, 1)),
    ("unknown level", lambda: s.getsockopt(9999, 1)),
    ("buflen too big", lambda: s.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 2000)),
    ("buflen negative", lambda: s.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, -1)),
]
for label, call in checks:
    try:
        print(label, "->", call())
    except (OSError, TypeError) as e:
        print(label, "->", type(e).__name__, e.errno if isinstance(e, OSError) else "", e)
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, b"\x01\x00\x00\x00")
print(s.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR))
print(s.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 4))
s.close()
