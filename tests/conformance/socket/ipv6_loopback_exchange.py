# TCP and UDP over ::1: addresses are 4-tuples (host, port, flowinfo, scope_id).
import socket

srv = socket.socket(socket.AF_INET6, socket.SOCK_STREAM)
srv.bind(("::1", 0))
srv.listen()
name = srv.getsockname()
print(name[0], name[2], name[3], len(name))
cli = socket.socket(socket.AF_INET6, socket.SOCK_STREAM)
cli.settimeout(5)
cli.connect(("::1", name[1]))
conn, addr = srv.accept()
print(type(addr).__name__, len(addr), addr[0], addr == cli.getsockname())
cli.sendall(b"over ipv6")
cli.shutdown(socket.SHUT_WR)
data = b""
while True:
    chunk = conn.recv(100)
    if not chunk:
        break
    data += chunk
print(data)
u = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
u.bind(("::1", 0))
u.settimeout(5)
v = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
v.sendto(b"udp6", u.getsockname()[:2])
data, addr = u.recvfrom(100)
print(data, addr[0], len(addr))
for s in (srv, cli, conn, u, v):
    s.close()
