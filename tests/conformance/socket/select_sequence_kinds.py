# select() takes any iterable of sockets (tuples, dicts, duplicates) and returns lists.
import select
import socket

a, b = socket.socketpair()
a.sendall(b"data")
r, w, x = select.select((b,), (a,), (), 5)
print(type(r).__name__, r[0] is b, w[0] is a, x)
r, w, x = select.select({b: "reader"}, [], [], 5)
print(r[0] is b)
r, w, x = select.select([b, b], [], [], 5)
print(len(r), r[0] is b and r[1] is b)
r, w, x = select.select([], [a, a], [], 5)
print(len(w))
r, w, x = select.select([a, b], [], [], 5)
print([s is b for s in r])
a.close()
b.close()
