# SO_TYPE reports the socket type as a plain int; SO_ERROR is 0 and read-only.
import socket

for kind in (socket.SOCK_STREAM, socket.SOCK_DGRAM):
    s = socket.socket(socket.AF_INET, kind)
    v = s.getsockopt(socket.SOL_SOCKET, socket.SO_TYPE)
    print(repr(kind), v, type(v).__name__, v == kind, v == s.type)
    print("SO_ERROR", s.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR))
    for opt in (socket.SO_TYPE, socket.SO_ERROR):
        try:
            s.setsockopt(socket.SOL_SOCKET, opt, 1)
        except OSError as e:
            print("set", opt, type(e).__name__, e.errno, e)
    s.close()
a, b = socket.socketpair()
print("socketpair SO_TYPE", a.getsockopt(socket.SOL_SOCKET, socket.SO_TYPE))
a.close()
b.close()
