# Non-blocking connect: EINPROGRESS, then select says writable, then SO_ERROR tells the result.
import select
import socket

probe = socket.socket()
probe.bind(("127.0.0.1", 0))
closed_port = probe.getsockname()[1]
probe.close()
c = socket.socket()
c.setblocking(False)
print("connect_ex:", c.connect_ex(("127.0.0.1", closed_port)))
r, w, x = select.select([], [c], [], 5)
print("writable:", w == [c])
print("SO_ERROR:", c.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR))
print("SO_ERROR again:", c.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR))
c.close()
srv = socket.socket()
srv.bind(("127.0.0.1", 0))
srv.listen()
d = socket.socket()
d.setblocking(False)
try:
    d.connect(srv.getsockname())
    print("connected at once")
except BlockingIOError as e:
    print(type(e).__name__, e.errno, e)
r, w, x = select.select([], [d], [], 5)
print("writable:", w == [d], "SO_ERROR:", d.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR))
print("peer:", d.getpeername() == srv.getsockname())
d.close()
srv.close()
