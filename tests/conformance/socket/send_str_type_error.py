# Sockets carry bytes: str (and other non-buffers) are a TypeError for every send call.
import socket

a, b = socket.socketpair()
u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
u.bind(("127.0.0.1", 0))
for value in ["Hello there", 42, None, [1, 2]]:
    for name in ["send", "sendall"]:
        try:
            if name == "send":
                a.send(value)
            else:
                a.sendall(value)
        except TypeError as e:
            print(name, repr(value), "->", e)
try:
    u.sendto("Hello there", u.getsockname())
except TypeError as e:
    print("sendto ->", e)
print(a.send(b"Hello there"), a.send(bytearray(b"!")), a.send("é".encode()))
a.shutdown(socket.SHUT_WR)
data = b""
while True:
    chunk = b.recv(4)
    if not chunk:
        break
    data += chunk
print(data, data.decode())
for s in (a, b, u):
    s.close()
