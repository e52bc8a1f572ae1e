# Descriptor numbers as CPython's: a program's first socket is fd 3, and the next ones
# follow, freed numbers used again.
import socket

s = socket.socket()
print(s.fileno())
print(s)
u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
print(u.fileno())
print(u)
a, b = socket.socketpair()
print(a.fileno(), b.fileno())
print(a)
s.close()
t = socket.socket(socket.AF_INET6)
print(t.fileno())
print(t)
print(s)
