# Sender
import socket
sock=socket.socket()
sock.connect((target,40000))
sock.send(“Hello there”)
