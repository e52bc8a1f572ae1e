# gethostbyname() on localhost and on numeric strings (no lookup needed).
import socket

print(socket.gethostbyname("localhost"))
print(socket.gethostbyname("127.0.0.1"))
print(socket.gethostbyname("127.1"))
print(repr(socket.gethostbyname("")))
print(socket.gethostbyname(b"localhost"))
for bad in [None, 127]:
    try:
        socket.gethostbyname(bad)
    except TypeError as e:
        print(type(e).__name__, e)
try:
    socket.gethostbyname()
except TypeError as e:
    print(type(e).__name__, e)
