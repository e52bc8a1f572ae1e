# When the peer closes, recv() returns b'' (end of stream) every time, after the data.
import socket

srv = socket.socket()
srv.bind(("127.0.0.1", 0))
srv.listen()
cli = socket.create_connection(srv.getsockname(), timeout=5)
conn, _ = srv.accept()
conn.settimeout(5)
cli.sendall(b"last words")
cli.close()
parts = []
while True:
    chunk = conn.recv(1024)
    if chunk == b"":
        break
    parts.append(chunk)
print(b"".join(parts))
print(conn.recv(1024), conn.recv(1), conn.recvfrom(10))
print(type(conn.recv(5)).__name__, len(conn.recv(5)))
conn.close()
srv.close()
