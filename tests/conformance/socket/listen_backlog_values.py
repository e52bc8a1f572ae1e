# listen() with no argument, 0, a negative number, and the wrong type.
import socket

for backlog in [None, 0, 1, 5, -5, 10000]:
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    if backlog is None:
        print("listen() ->", s.listen())
    else:
        print("listen(%d) ->" % backlog, s.listen(backlog))
    s.close()
s = socket.socket()
s.bind(("127.0.0.1", 0))
try:
    s.listen("5")
except TypeError as e:
    print(type(e).__name__, e)
try:
    s.listen(1, 2)
except TypeError as e:
    print(type(e).__name__, e)
s.listen(2)
s.listen(3)
print("listen twice is fine")
s.close()
try:
    s.listen(1)
except OSError as e:
    print(type(e).__name__, e)
