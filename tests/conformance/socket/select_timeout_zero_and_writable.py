# select() with timeout 0 polls: nothing readable yet, but a connected socket is writable.
import select
import socket

a, b = socket.socketpair()
print(select.select([a, b], [], [], 0))
r, w, x = select.select([a, b], [a, b], [a, b], 0)
print(len(r), len(w), len(x), w == [a, b], w[0] is a)
print(select.select([], [], [], 0))
print(type(select.select([], [], [], 0)).__name__)
srv = socket.socket()
srv.bind(("127.0.0.1", 0))
srv.listen()
r, w, x = select.select([srv], [srv], [], 0)
print("idle listener:", r, w)
for s in (a, b, srv):
    s.close()
