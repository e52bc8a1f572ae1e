# AF_UNIX without files: bind('') autobinds to an abstract name (NUL + 5 hex digits).
import socket

srv = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
srv.bind("")
name = srv.getsockname()
print(type(name).__name__, len(name), name[:1])
srv.listen()
cli = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
cli.settimeout(5)
cli.connect(name)
conn, addr = srv.accept()
print("accepted from", repr(addr), "client name", repr(cli.getsockname()))
print(cli.getpeername() == name)
cli.sendall(b"over a unix socket")
cli.shutdown(socket.SHUT_WR)
data = b""
while True:
    chunk = conn.recv(5)
    if not chunk:
        break
    data += chunk
print(data)
try:
    cli.connect(("127.0.0.1", 80))
except TypeError as e:
    print(type(e).__name__, e)
for s in (conn, cli, srv):
    s.close()
