# recv() with a timeout and nothing to read: TimeoutError('timed out'), no errno.
import socket

a, b = socket.socketpair()
b.settimeout(0.1)
try:
    b.recv(10)
except TimeoutError as e:
    print(type(e).__name__, e)
    print(repr(e), e.args, e.errno, e.strerror)
    print(isinstance(e, OSError), isinstance(e, socket.timeout), type(e) is socket.timeout)
u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
u.bind(("127.0.0.1", 0))
u.settimeout(0.05)
try:
    u.recvfrom(10)
except socket.timeout as e:
    print("recvfrom:", type(e).__name__, e)
a.sendall(b"late")
print("after data:", b.recv(10))
print(b.gettimeout())
for s in (a, b, u):
    s.close()
