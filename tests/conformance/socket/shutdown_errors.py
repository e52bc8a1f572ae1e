# shutdown() argument checking: bad mode is EINVAL, wrong type is TypeError,
# unconnected is ENOTCONN; shutting down twice is fine.
import socket

a, b = socket.socketpair()
for how in [5, -1]:
    try:
        a.shutdown(how)
    except OSError as e:
        print(how, type(e).__name__, e)
try:
    a.shutdown("write")
except TypeError as e:
    print(type(e).__name__, e)
try:
    a.shutdown()
except TypeError as e:
    print(type(e).__name__, e)
print(a.shutdown(socket.SHUT_WR), a.shutdown(socket.SHUT_WR), a.shutdown(socket.SHUT_RDWR))
print(b.recv(10))
s = socket.socket()
try:
    s.shutdown(socket.SHUT_RDWR)
except OSError as e:
    print("unconnected:", type(e).__name__, e.errno, e)
for x in (a, b, s):
    x.close()
