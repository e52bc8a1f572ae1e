# After the server side closes a connection first, its port lingers (TIME_WAIT):
# a new bind fails unless both the old and the new socket set SO_REUSEADDR.
import socket

srv = socket.socket()
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(("127.0.0.1", 0))
srv.listen()
port = srv.getsockname()[1]
cli = socket.create_connection(("127.0.0.1", port), timeout=5)
conn, _ = srv.accept()
conn.close()
srv.close()
print(cli.recv(10))
cli.close()
plain = socket.socket()
try:
    plain.bind(("127.0.0.1", port))
    print("plain bind worked")
except OSError as e:
    print("without SO_REUSEADDR:", e)
plain.close()
again = socket.socket()
again.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
again.bind(("127.0.0.1", port))
again.listen()
print("rebound:", again.getsockname()[1] == port)
print("option:", again.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR))
again.close()
