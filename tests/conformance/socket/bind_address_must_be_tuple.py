# bind() on an AF_INET socket wants a (host, port) tuple; a str or list is a TypeError.
import socket

s = socket.socket()
for bad in ["127.0.0.1", ["127.0.0.1", 0], 40000, None]:
    try:
        s.bind(bad)
    except TypeError as e:
        print(type(e).__name__, e)
s6 = socket.socket(socket.AF_INET6)
try:
    s6.bind("::1")
except TypeError as e:
    print(type(e).__name__, e)
print(s.getsockname())
s.close()
s6.close()
s = socket.socket()
s.bind("127.0.0.1:40000")
