# Two sockets on the same port: the second bind fails with EADDRINUSE.
import socket

a = socket.socket()
a.bind(("127.0.0.1", 0))
port = a.getsockname()[1]
b = socket.socket()
try:
    b.bind(("127.0.0.1", port))
except OSError as e:
    print(type(e).__name__, e.errno, e.strerror)
    print(repr(e))
    print(isinstance(e, OSError), type(e) is OSError)
a.listen()
try:
    b.bind(("127.0.0.1", port))
except OSError as e:
    print("while listening:", e)
u1 = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
u1.bind(("127.0.0.1", 0))
u2 = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
try:
    u2.bind(u1.getsockname())
except OSError as e:
    print("udp:", e)
for s in (a, b, u1, u2):
    s.close()
