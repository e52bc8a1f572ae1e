# fileno() is a small int, distinct per open socket, -1 once closed.
import socket

a = socket.socket()
b = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
print(type(a.fileno()).__name__, a.fileno() >= 3, b.fileno() >= 3)
print(a.fileno() != b.fileno(), a.fileno() == a.fileno())
a.close()
print(a.fileno())
c = socket.socket()
print(c.fileno() >= 3)
b.close()
c.close()
print(b.fileno(), c.fileno())
p, q = socket.socketpair()
print(p.fileno() != q.fileno())
p.close()
q.close()
