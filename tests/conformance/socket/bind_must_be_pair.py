# A tuple of the wrong length: AF_INET needs exactly (host, port).
import socket

s = socket.socket()
for bad in [("127.0.0.1",), ("127.0.0.1", 0, 0), ()]:
    try:
        s.bind(bad)
    except TypeError as e:
        print(len(bad), type(e).__name__, e)
s6 = socket.socket(socket.AF_INET6)
for bad in [("::1",), ("::1", 0, 0, 0, 0)]:
    try:
        s6.bind(bad)
    except TypeError as e:
        print(len(bad), type(e).__name__, e)
s6.bind(("::1", 0, 0))
print(len(s6.getsockname()), s6.getsockname()[0])
try:
    s.bind()
except TypeError as e:
    print(type(e).__name__, e)
try:
    s.bind(("127.0.0.1", 0), 1)
except TypeError as e:
    print(type(e).__name__, e)
s.close()
s6.close()
