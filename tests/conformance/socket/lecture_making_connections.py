# The lecture's "Making Connections": receiver/server and sender, in one program.
import socket

# Receiver/server
sock = socket.socket()          # default is to make a normal internet socket
sock.bind(("127.0.0.1", 0))
sock.listen(1)
target = "127.0.0.1"
port = sock.getsockname()[1]

# Sender
out = socket.socket()
out.connect((target, port))
out.send(b"Hello there")
out.close()

sock2 = sock.accept()
print(type(sock2).__name__, len(sock2))
print(sock2[0].recv(256))
print(sock2[0].recv(256))
sock2[0].close()
sock.close()
