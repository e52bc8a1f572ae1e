# AF_UNIX datagram and seqpacket pairs keep message boundaries.
import socket

a, b = socket.socketpair(socket.AF_UNIX, socket.SOCK_DGRAM)
a.send(b"first")
a.send(b"second message")
print(b.recv(3), b.recv(100))
a.close()
b.close()
p, q = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
print(repr(p.type), p.getsockopt(socket.SOL_SOCKET, socket.SO_TYPE))
p.sendall(b"alpha")
p.sendall(b"beta")
q.settimeout(5)
print(q.recv(100), q.recv(100))
p.close()
print("after close:", q.recv(100))
q.close()
for kind in (socket.SOCK_SEQPACKET, socket.SOCK_RDM):
    try:
        s = socket.socket(socket.AF_INET, kind)
        s.close()
        print(repr(kind), "ok")
    except OSError as e:
        print(repr(kind), type(e).__name__, e.errno, e)
