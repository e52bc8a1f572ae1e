# Closing a socket while received data is still unread sends a RST:
# the peer's recv() raises ConnectionResetError (104).
import select
import socket

srv = socket.socket()
srv.bind(("127.0.0.1", 0))
srv.listen()
cli = socket.create_connection(srv.getsockname(), timeout=5)
conn, _ = srv.accept()
cli.sendall(b"never read")
r, w, x = select.select([conn], [], [], 5)
print("data waiting:", r == [conn])
conn.close()
try:
    print(cli.recv(100))
except ConnectionResetError as e:
    print(type(e).__name__, e.errno, e)
    print(isinstance(e, ConnectionError), repr(e))
print(cli.recv(100))
cli.close()
srv.close()
