# Closing the socket while a makefile() file is open keeps the connection usable
# through the file; the descriptor is released only when the file closes too.
import socket

srv = socket.create_server(("127.0.0.1", 0))
cli = socket.create_connection(srv.getsockname(), timeout=5)
conn, _ = srv.accept()
conn.settimeout(5)
f = cli.makefile("rwb")
print(type(f).__name__)
cli.close()
print("socket closed, fileno still valid:", cli.fileno() >= 0, repr(cli).startswith("<socket.socket [closed]"))
f.write(b"through the file\n")
f.flush()
r = conn.makefile("rb")
print(r.readline())
conn.sendall(b"answer\n")
print(f.readline())
f.close()
print("file closed too, fileno", cli.fileno())
print(r.read())
r.close()
conn.close()
srv.close()
