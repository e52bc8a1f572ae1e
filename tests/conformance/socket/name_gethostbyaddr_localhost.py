# gethostbyaddr('127.0.0.1'): (name, aliases, addresses); getfqdn on loopback names.
import socket

name, aliases, addresses = socket.gethostbyaddr("127.0.0.1")
print(type(name).__name__, type(aliases).__name__, addresses)
print(socket.gethostbyaddr("localhost")[2])
print(type(socket.getfqdn("127.0.0.1")).__name__)
try:
    socket.gethostbyaddr(None)
except TypeError as e:
    print(type(e).__name__, e)
try:
    socket.gethostbyaddr()
except TypeError as e:
    print(type(e).__name__, e)
print(issubclass(socket.herror, OSError), socket.herror.__name__)
