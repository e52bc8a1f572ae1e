# recv()/recvfrom() with a negative size are ValueErrors; size 0 returns b'' at once.
import socket

a, b = socket.socketpair()
for call in ["recv", "recvfrom"]:
    try:
        if call == "recv":
            b.recv(-1)
        else:
            b.recvfrom(-5)
    except ValueError as e:
        print(call, type(e).__name__, e)
print(repr(b.recv(0)))
try:
    b.recv("10")
except TypeError as e:
    print(type(e).__name__, e)
try:
    b.recv()
except TypeError as e:
    print(type(e).__name__, e)
try:
    b.recv(1.5)
except TypeError as e:
    print(type(e).__name__, e)
a.sendall(b"abc")
print(b.recv(10))
a.close()
b.close()
u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
u.recv(-1)
