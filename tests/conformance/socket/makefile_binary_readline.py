# makefile('rb'): readline() splits the byte stream at b'\n', read() takes the rest.
import socket

srv = socket.create_server(("127.0.0.1", 0))
cli = socket.create_connection(srv.getsockname(), timeout=5)
conn, _ = srv.accept()
conn.settimeout(5)
cli.sendall(b"HELLO 1\r\nsecond line\nno newline at the end")
cli.close()
f = conn.makefile("rb")
print(type(f).__name__)
print(f.readline())
print(f.readline())
print(f.read(3))
print(f.read())
print(f.readline(), f.read())
f.close()
conn.close()
srv.close()
