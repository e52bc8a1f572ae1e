# getsockname()/getpeername() on unbound, bound, listening and connected sockets.
import socket

s = socket.socket()
print("unbound:", s.getsockname())
try:
    s.getpeername()
except OSError as e:
    print("peer of unconnected:", type(e).__name__, e.errno, e)
s.bind(("127.0.0.1", 0))
host, port = s.getsockname()
print("bound:", host, type(port).__name__, 0 < port < 65536)
s.listen()
try:
    s.getpeername()
except OSError as e:
    print("peer of listener:", e)
c = socket.socket()
c.connect(s.getsockname())
conn, addr = s.accept()
print(c.getpeername() == s.getsockname() == conn.getsockname())
print(conn.getpeername() == c.getsockname() == addr)
print(type(c.getpeername()).__name__, len(c.getpeername()))
print(c.getsockname()[1] != port)
c.close()
try:
    c.getpeername()
except OSError as e:
    print("after close:", e)
conn.close()
s.close()
