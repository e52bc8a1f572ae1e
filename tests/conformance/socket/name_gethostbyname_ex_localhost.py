# gethostbyname_ex() returns (hostname, aliases, addresses).
import socket

result = socket.gethostbyname_ex("localhost")
print(type(result).__name__, len(result))
name, aliases, addresses = result
print(name, type(aliases).__name__, addresses)
print(socket.gethostbyname_ex("127.0.0.1")[2])
try:
    socket.gethostbyname_ex(None)
except TypeError as e:
    print(type(e).__name__, e)
