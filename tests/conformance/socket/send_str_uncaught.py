# The lecture's Python 2 habit, s.send("Hello there"), ends the program.
import socket

a, b = socket.socketpair()
print("bytes are fine:", a.send(b"Hello there"))
print("so is encode():", a.send("Hello there".encode()))
print(b.recv(100) != b"")
print("sending a str")
a.send("Hello there")
print("not reached")
