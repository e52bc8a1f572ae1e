# repr() of sockets in every state, with the fd and the ports masked.
import socket

def masked(s, ports):
    r = repr(s).replace("fd=%d," % s.fileno(), "fd=N,")
    for port in ports:
        r = r.replace(", %d)" % port, ", PORT)")
    return r

srv = socket.socket()
print(masked(srv, []))
srv.bind(("127.0.0.1", 0))
sport = srv.getsockname()[1]
print(masked(srv, [sport]))
srv.listen()
print(masked(srv, [sport]))
cli = socket.socket()
cli.settimeout(5)
cli.connect(srv.getsockname())
cport = cli.getsockname()[1]
print(masked(cli, [sport, cport]))
conn, addr = srv.accept()
print(masked(conn, [sport, cport]))
u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
print(masked(u, []))
u6 = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
print(masked(u6, []))
x = socket.socket(socket.AF_UNIX)
print(masked(x, []))
for s in (conn, cli, srv, u, u6, x):
    s.close()
print(repr(conn))
