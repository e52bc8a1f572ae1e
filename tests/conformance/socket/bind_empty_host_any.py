# '' as the host means INADDR_ANY (0.0.0.0); nothing is sent anywhere.
import socket

u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
u.bind(("", 0))
host, port = u.getsockname()
print(repr(host), port > 0)
u.close()
print(socket.INADDR_ANY, socket.inet_ntoa(b"\x00\x00\x00\x00"))
u6 = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
u6.bind(("", 0))
name = u6.getsockname()
print(repr(name[0]), name[1] > 0, name[2:])
u6.close()
