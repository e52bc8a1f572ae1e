# An uncaught ConnectionResetError: the peer closed with unread data, which sends a RST.
import select
import socket

srv = socket.socket()
srv.bind(("127.0.0.1", 0))
srv.listen()
cli = socket.create_connection(srv.getsockname(), timeout=5)
conn, _ = srv.accept()
cli.sendall(b"unread")
select.select([conn], [], [], 5)
conn.close()
print("reading from a reset connection")
cli.recv(100)
