# The lecture's connection-oriented server and client (Python 3, one program):
# the client sends, the server answers, the client closes, the server then gets b''.
from socket import socket, AF_INET, SOCK_STREAM

s = socket(AF_INET, SOCK_STREAM)
s.bind(("127.0.0.1", 0))
s.listen(5)  # max queued connections
(SERVER, PORT) = s.getsockname()

c = socket(AF_INET, SOCK_STREAM)
c.connect((SERVER, PORT))
c.send(b"Hello, world")

sock, addr = s.accept()
print("server: connection from", addr[0])
request = sock.recv(1024)
print("server: got", request)
sock.send(b"Echo: " + request)

data = c.recv(1024)
c.close()
print("Received", repr(data))
print("server: after the client closed:", sock.recv(1024))
sock.close()
s.close()
