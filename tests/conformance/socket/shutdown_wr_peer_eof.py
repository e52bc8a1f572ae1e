# shutdown(SHUT_WR): the peer reads to EOF, but it can still answer, and we can still read.
import socket

srv = socket.socket()
srv.bind(("127.0.0.1", 0))
srv.listen()
cli = socket.create_connection(srv.getsockname(), timeout=5)
conn, _ = srv.accept()
conn.settimeout(5)
cli.sendall(b"request")
print(cli.shutdown(socket.SHUT_WR))
got = b""
while True:
    chunk = conn.recv(3)
    if not chunk:
        break
    got += chunk
print("server got", got)
conn.sendall(b"response to " + got)
conn.close()
got = b""
while True:
    chunk = cli.recv(5)
    if not chunk:
        break
    got += chunk
print("client got", got)
try:
    cli.send(b"more")
except BrokenPipeError as e:
    print(type(e).__name__, e.errno, e)
cli.close()
srv.close()
