# A non-blocking recv() with nothing to read: BlockingIOError, errno 11 (EAGAIN).
import socket

a, b = socket.socketpair()
b.setblocking(False)
try:
    b.recv(10)
except BlockingIOError as e:
    print(type(e).__name__, e.errno, e.strerror)
    print(repr(e), str(e))
    print(isinstance(e, OSError), e.args)
b.settimeout(0)
try:
    b.recvfrom(10)
except OSError as e:
    print("timeout 0:", type(e).__name__, e)
a.sendall(b"now there is data")
b.settimeout(5)
print(b.recv(100))
b.setblocking(False)
try:
    b.recv(100)
except BlockingIOError as e:
    print("drained:", e)
a.close()
print("after peer close:", b.recv(100))
b.close()
u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
u.bind(("127.0.0.1", 0))
u.setblocking(False)
u.recv(10)
