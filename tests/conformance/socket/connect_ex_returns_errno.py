# connect_ex() returns the errno instead of raising: 111 refused, 0 success, 106 again,
# and 9 (EBADF) on a closed socket.
import socket

probe = socket.socket()
probe.bind(("127.0.0.1", 0))
closed_port = probe.getsockname()[1]
probe.close()
c = socket.socket()
r = c.connect_ex(("127.0.0.1", closed_port))
print(r, type(r).__name__, r == 111)
c.close()
srv = socket.socket()
srv.bind(("127.0.0.1", 0))
srv.listen()
c = socket.socket()
print(c.connect_ex(srv.getsockname()))
print(c.connect_ex(srv.getsockname()))
try:
    c.connect_ex("127.0.0.1")
except TypeError as e:
    print(type(e).__name__, e)
try:
    c.connect_ex(("127.0.0.1", 99999))
except OverflowError as e:
    print(type(e).__name__, e)
c.close()
print(c.connect_ex(srv.getsockname()))
srv.close()
