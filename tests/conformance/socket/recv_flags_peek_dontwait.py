# recv flags: MSG_PEEK looks without consuming; MSG_DONTWAIT never blocks.
import socket

a, b = socket.socketpair()
try:
    b.recv(10, socket.MSG_DONTWAIT)
except BlockingIOError as e:
    print("dontwait:", type(e).__name__, e.errno)
print("still blocking mode:", b.getblocking())
a.sendall(b"peekaboo")
b.settimeout(5)
print(b.recv(4, socket.MSG_PEEK))
print(b.recv(100, socket.MSG_PEEK))
print(b.recv(4))
print(b.recv(100, socket.MSG_DONTWAIT))
u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
u.bind(("127.0.0.1", 0))
u.settimeout(5)
v = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
v.sendto(b"datagram", u.getsockname())
data, addr = u.recvfrom(3, socket.MSG_PEEK)
print(data, addr[0], addr[1] == v.getsockname()[1])
print(u.recvfrom(100)[0])
try:
    u.recv(10, "peek")
except TypeError as e:
    print(type(e).__name__, e)
for s in (a, b, u, v):
    s.close()
