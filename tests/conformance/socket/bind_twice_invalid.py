# Binding an already bound socket is EINVAL; so is binding AF_INET6 to an IPv4 string.
import socket

s = socket.socket()
s.bind(("127.0.0.1", 0))
try:
    s.bind(("127.0.0.1", 0))
except OSError as e:
    print(type(e).__name__, e.errno, e)
s.close()
s6 = socket.socket(socket.AF_INET6)
try:
    s6.bind(("127.0.0.1", 0))
except OSError as e:
    print(type(e).__name__, e.errno, e)
    print(isinstance(e, socket.gaierror))
s6.close()
