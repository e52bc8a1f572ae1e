# An uncaught EADDRINUSE is a plain OSError.
import socket

a = socket.socket()
a.bind(("127.0.0.1", 0))
a.listen()
b = socket.socket()
b.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
print("binding the same port again")
b.bind(a.getsockname())
print("not reached")
