# gethostname() names this machine: only its type and that it is not empty are fixed.
import socket

name = socket.gethostname()
print(type(name).__name__, len(name) > 0)
try:
    socket.gethostname("x")
except TypeError as e:
    print(type(e).__name__, e)
print(type(socket.getfqdn("localhost")).__name__, type(socket.getfqdn("127.0.0.1")).__name__)
