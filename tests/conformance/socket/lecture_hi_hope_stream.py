# "Hi!" and "Hope you're well": TCP is one byte stream, the message boundary is gone.
import socket

srv = socket.socket()
srv.bind(("127.0.0.1", 0))
srv.listen()
cli = socket.create_connection(srv.getsockname(), timeout=5)
conn, _ = srv.accept()
conn.settimeout(5)
cli.send(b"Hi!")
cli.send(b"Hope you're well")
cli.shutdown(socket.SHUT_WR)
chunks = []
while True:
    chunk = conn.recv(1024)
    if not chunk:
        break
    chunks.append(chunk)
data = b"".join(chunks)
print(data)
print(data == b"Hi!Hope you're well", len(data))
cli.close()
conn.close()
srv.close()
# UDP keeps the two messages apart
a = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
a.bind(("127.0.0.1", 0))
a.settimeout(5)
b = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
b.sendto(b"Hi!", a.getsockname())
b.sendto(b"Hope you're well", a.getsockname())
print(a.recv(1024), a.recv(1024))
a.close()
b.close()
