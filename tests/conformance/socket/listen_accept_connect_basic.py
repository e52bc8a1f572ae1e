# The basic TCP handshake in one program: connect() completes thanks to the backlog.
import socket

srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
srv.bind(("127.0.0.1", 0))
srv.listen(1)
cli = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
cli.settimeout(5)
print(cli.connect(srv.getsockname()))
pair = srv.accept()
print(type(pair).__name__, len(pair))
conn, addr = pair
print(type(conn).__name__, type(addr).__name__, addr[0], addr[1] > 0)
print(addr == cli.getsockname(), conn.getpeername() == cli.getsockname())
print(conn.getsockname() == srv.getsockname() == cli.getpeername())
print(conn is not srv, conn.fileno() != srv.fileno())
print(repr(conn.family), repr(conn.type), conn.proto)
cli.sendall(b"ping")
cli.shutdown(socket.SHUT_WR)
data = b""
while True:
    chunk = conn.recv(100)
    if not chunk:
        break
    data += chunk
print(data)
conn.sendall(b"pong")
conn.close()
print(cli.recv(100), cli.recv(100))
cli.close()
srv.close()
