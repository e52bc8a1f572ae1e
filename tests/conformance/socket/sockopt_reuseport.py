# SO_REUSEPORT set on both sockets lets two UDP sockets share one port.
import socket

a = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
print(a.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT))
a.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
print(a.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT))
a.bind(("127.0.0.1", 0))
b = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
b.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
b.bind(a.getsockname())
print("same port:", a.getsockname() == b.getsockname())
c = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
try:
    c.bind(a.getsockname())
except OSError as e:
    print("without the option:", e)
for s in (a, b, c):
    s.close()
