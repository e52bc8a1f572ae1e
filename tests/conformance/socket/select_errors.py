# select() argument errors.
import select
import socket

a, b = socket.socketpair()
closed = socket.socket()
closed.close()

class BadFileno:
    def fileno(self):
        return "three"

checks = [
    ("closed socket", lambda: select.select([closed], [], [], 0)),
    ("negative fd", lambda: select.select([-1], [], [], 0)),
    ("not a sequence", lambda: select.select(5, [], [], 0)),
    ("no fileno", lambda: select.select([object()], [], [], 0)),
    ("string in list", lambda: select.select(["a"], [], [], 0)),
    ("negative timeout", lambda: select.select([a], [], [], -1)),
    ("str timeout", lambda: select.select([a], [], [], "1")),
    ("two arguments", lambda: select.select([a], [])),
    ("fileno not int", lambda: select.select([BadFileno()], [], [], 0)),
]
for label, call in checks:
    try:
        print(label, call())
    except (ValueError, TypeError) as e:
        print(label, type(e).__name__, e)
print(select.error is OSError)
a.close()
b.close()
select.select([closed], [], [])
