# accept() on a non-blocking listening socket with no pending client: BlockingIOError.
import socket

srv = socket.socket()
srv.bind(("127.0.0.1", 0))
srv.listen()
srv.setblocking(False)
try:
    srv.accept()
except BlockingIOError as e:
    print(type(e).__name__, e.errno, e)
c = socket.create_connection(srv.getsockname(), timeout=5)
import select
r, w, x = select.select([srv], [], [], 5)
conn, addr = srv.accept()
print("accepted:", addr == c.getsockname(), conn.getblocking(), conn.gettimeout())
for s in (conn, c, srv):
    s.close()
