# setdefaulttimeout() applies to sockets created afterwards, not to existing ones.
import socket

print(socket.getdefaulttimeout())
old = socket.socket()
socket.setdefaulttimeout(2.5)
print(socket.getdefaulttimeout(), type(socket.getdefaulttimeout()).__name__)
new = socket.socket()
print("old", old.gettimeout(), "new", new.gettimeout(), new.getblocking())
a, b = socket.socketpair()
print("socketpair", a.gettimeout(), b.gettimeout())
socket.setdefaulttimeout(3)
print(socket.getdefaulttimeout())
socket.setdefaulttimeout(0)
z = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
print("zero default", z.gettimeout(), z.getblocking())
for bad in [-1, "x"]:
    try:
        socket.setdefaulttimeout(bad)
    except (ValueError, TypeError) as e:
        print(repr(bad), type(e).__name__, e)
print("still", socket.getdefaulttimeout())
socket.setdefaulttimeout(None)
print(socket.getdefaulttimeout(), socket.socket().gettimeout())
for s in (old, new, a, b, z):
    s.close()
