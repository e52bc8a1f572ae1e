# socketpair(): two connected AF_UNIX stream sockets, data flows both ways.
import socket

a, b = socket.socketpair()
print(repr(a.family), repr(a.type), a.proto)
print(repr(a.getsockname()), repr(a.getpeername()))
a.settimeout(5)
b.settimeout(5)
a.sendall(b"ping")
print(b.recv(4))
b.sendall(b"pong")
print(a.recv(4))
pair = socket.socketpair()
print(type(pair).__name__, len(pair))
for s in pair:
    s.close()
d1, d2 = socket.socketpair(socket.AF_UNIX, socket.SOCK_DGRAM)
print(repr(d1.type))
d1.send(b"one")
d1.send(b"two")
print(d2.recv(100), d2.recv(100))
try:
    socket.socketpair(socket.AF_INET)
except OSError as e:
    print("AF_INET pair:", type(e).__name__, e.errno, e)
a.close()
print(b.recv(10))
b.close()
d1.close()
d2.close()
