# select() reports a socket readable once the peer has sent something,
# and a listening socket readable once a client is waiting to be accepted.
import select
import socket

srv = socket.socket()
srv.bind(("127.0.0.1", 0))
srv.listen()
print(select.select([srv], [], [], 0)[0] == [])
cli = socket.create_connection(srv.getsockname(), timeout=5)
r, w, x = select.select([srv], [], [], 5)
print("listener readable:", r == [srv])
conn, _ = srv.accept()
print(select.select([conn], [], [], 0)[0])
cli.sendall(b"knock knock")
r, w, x = select.select([conn, srv], [], [], 5)
print("conn readable:", r == [conn])
print(conn.recv(100))
print("drained:", select.select([conn], [], [], 0)[0])
cli.close()
r, w, x = select.select([conn], [], [], 5)
print("EOF is readable:", r == [conn], conn.recv(100))
conn.close()
srv.close()
