# An uncaught gaierror: the traceback ends with "socket.gaierror: [Errno -8] ...".
import socket

print(socket.getaddrinfo("localhost", "http", socket.AF_INET, socket.SOCK_STREAM)[0][4])
try:
    socket.getaddrinfo("localhost", "no-such-service", socket.AF_INET, socket.SOCK_STREAM)
except OSError as e:
    print("caught once:", type(e).__name__, e.errno)
print("looking up a service that does not exist")
socket.getaddrinfo("localhost", "no-such-service", type=socket.SOCK_STREAM)
print("not reached")
