# Round trips over a TCP connection on loopback, so each one puts packets on the wire
# (bench/trace.sh captures them). One byte each way, as bench/pingpong.py does.
import socket
import sys

n = int(sys.argv[1]) if len(sys.argv) > 1 else 20000
srv = socket.socket()
srv.bind(('127.0.0.1', 0))
srv.listen()
a = socket.create_connection(srv.getsockname())
b, _ = srv.accept()
for i in range(n):
    a.send(b"p")
    b.recv(1)
    b.send(b"q")
    a.recv(1)
a.close()
b.close()
srv.close()
print("round trips:", n)
