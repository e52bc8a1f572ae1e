# 100 000 round trips over socketpair(): the interpreter's cost per socket call.
import socket
import sys

n = int(sys.argv[1]) if len(sys.argv) > 1 else 100000
a, b = socket.socketpair()
for i in range(n):
    a.send(b"p")
    b.recv(1)
    b.send(b"q")
    a.recv(1)
print("round trips:", n)
