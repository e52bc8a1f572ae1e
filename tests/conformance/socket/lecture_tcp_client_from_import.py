# The lecture's "from socket import socket" client: connect, send, recv, close.
from socket import socket
from socket import *

server = socket()
server.bind(("127.0.0.1", 0))
server.listen(1)
s = socket()
print(s.family == AF_INET, s.type == SOCK_STREAM)
s.connect(server.getsockname())
conn, addr = server.accept()
conn.sendall(b"Welcome\n")
conn.close()
print(s.recv(1024))
s.close()
server.close()
print(type(SOCK_DGRAM).__name__, SOCK_DGRAM, AF_INET6)
