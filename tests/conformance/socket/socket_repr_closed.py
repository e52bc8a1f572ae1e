# repr() of a closed socket says [closed] and fd=-1, and keeps family/type/proto.
import socket

s = socket.socket()
s.bind(("127.0.0.1", 0))
s.close()
print(repr(s))
u = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
u.close()
print(repr(u))
with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as x:
    pass
print(repr(x))
print(str(x) == repr(x))
