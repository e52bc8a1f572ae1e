# Socket type constants are SocketKind members.
import socket

for kind in (socket.SOCK_STREAM, socket.SOCK_DGRAM, socket.SOCK_RAW,
             socket.SOCK_SEQPACKET, socket.SOCK_RDM):
    print(repr(kind), str(kind), kind.name, int(kind))
print(type(socket.SOCK_STREAM).__name__)
print(socket.SocketKind(2) is socket.SOCK_DGRAM)
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
print(s.type is socket.SOCK_DGRAM, repr(s.type))
s.settimeout(1)
print(repr(s.type))
s.setblocking(False)
print(repr(s.type))
s.close()
print(socket.SOCK_STREAM | socket.SOCK_DGRAM, repr(socket.SOCK_STREAM + socket.SOCK_DGRAM))
