# Every constant of CPython's socket module on Linux, with its value and type.
import socket

names = [n for n in dir(socket) if n.isupper() and isinstance(getattr(socket, n), int)]
print(len(names))
for n in names:
    v = getattr(socket, n)
    print(n, int(v), type(v).__name__, repr(v))
print(socket.SOL_TCP == socket.IPPROTO_TCP, socket.SOL_TCP)
