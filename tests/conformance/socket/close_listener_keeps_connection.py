# Closing the listening socket does not affect connections it already accepted.
import socket

srv = socket.socket()
srv.bind(("127.0.0.1", 0))
srv.listen()
addr = srv.getsockname()
cli = socket.create_connection(addr, timeout=5)
conn, _ = srv.accept()
srv.close()
print(srv.fileno(), conn.fileno() > 0)
cli.sendall(b"still here")
cli.shutdown(socket.SHUT_WR)
data = b""
while True:
    chunk = conn.recv(4)
    if not chunk:
        break
    data += chunk
print(data)
conn.sendall(data.upper())
conn.close()
print(cli.recv(100))
cli.close()
late = socket.socket()
print("new connection:", late.connect_ex(addr))
late.close()
