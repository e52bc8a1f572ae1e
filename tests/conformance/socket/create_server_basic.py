# create_server(): bound and listening, with SO_REUSEADDR set (on POSIX).
import socket

srv = socket.create_server(("127.0.0.1", 0))
print(type(srv).__name__, repr(srv.family), repr(srv.type), srv.proto)
print(srv.getsockname()[0], srv.getsockname()[1] > 0)
print("SO_REUSEADDR", srv.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR))
print("timeout", srv.gettimeout())
c = socket.create_connection(srv.getsockname(), timeout=5)
conn, addr = srv.accept()
print("accepted", addr == c.getsockname())
conn.close()
c.close()
port = srv.getsockname()[1]
try:
    socket.create_server(("127.0.0.1", port))
except OSError as e:
    print(type(e).__name__, e.errno, str(e).replace(str(port), "PORT"))
srv.close()
s6 = socket.create_server(("::1", 0), family=socket.AF_INET6, backlog=3)
print(repr(s6.family), s6.getsockname()[0], len(s6.getsockname()))
s6.close()
r = socket.create_server(("127.0.0.1", 0), reuse_port=True)
print("SO_REUSEPORT", r.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT))
r.close()
try:
    socket.create_server("127.0.0.1")
except TypeError as e:
    print(type(e).__name__, e)
