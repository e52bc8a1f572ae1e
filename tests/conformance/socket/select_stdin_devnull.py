# select() on sys.stdin: the test runs with stdin from /dev/null, which is always
# readable (at end of file), so the poll returns at once.
import select
import socket
import sys

r, w, x = select.select([sys.stdin], [], [], 0)
print(r == [sys.stdin], r[0] is sys.stdin, w, x)
print(repr(sys.stdin.readline()))
a, b = socket.socketpair()
r, w, x = select.select([sys.stdin, a], [], [], 5)
print(len(r), r[0] is sys.stdin)
print(select.select([sys.stdin.fileno()], [], [], 0)[0] == [0])
a.close()
b.close()
