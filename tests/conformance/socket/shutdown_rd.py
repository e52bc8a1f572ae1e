# shutdown(SHUT_RD): our recv() now returns b'' but we can still write;
# on a Unix socketpair the peer's send() then fails with EPIPE.
import socket

srv = socket.socket()
srv.bind(("127.0.0.1", 0))
srv.listen()
cli = socket.create_connection(srv.getsockname(), timeout=5)
conn, _ = srv.accept()
conn.shutdown(socket.SHUT_RD)
print(conn.recv(10), conn.recv(10))
conn.sendall(b"can still write")
conn.close()
data = b""
while True:
    chunk = cli.recv(100)
    if not chunk:
        break
    data += chunk
print(data)
cli.close()
srv.close()
a, b = socket.socketpair()
a.shutdown(socket.SHUT_RD)
try:
    b.send(b"x")
except BrokenPipeError as e:
    print("unix peer:", type(e).__name__, e)
a.close()
b.close()
