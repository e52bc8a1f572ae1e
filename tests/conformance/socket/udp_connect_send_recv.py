# A connected UDP socket: send()/recv() without addresses, getpeername(), and
# unconnected UDP: send() needs a destination, getpeername() is ENOTCONN.
import socket

a = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
a.bind(("127.0.0.1", 0))
b = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
b.bind(("127.0.0.1", 0))
b.settimeout(5)
a.settimeout(5)
print(a.connect(b.getsockname()))
print(a.getpeername() == b.getsockname())
print(a.send(b"via send"))
data, addr = b.recvfrom(100)
print(data, addr == a.getsockname())
b.sendto(b"back", a.getsockname())
print(a.recv(100))
c = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
try:
    c.send(b"nowhere")
except OSError as e:
    print(type(e).__name__, e.errno, e)
try:
    c.getpeername()
except OSError as e:
    print(type(e).__name__, e.errno, e)
for s in (a, b, c):
    s.close()
