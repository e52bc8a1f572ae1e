# getprotobyname(): protocol numbers from the protocols database.
import socket

for name in ["tcp", "udp", "icmp", "TCP"]:
    print(name, socket.getprotobyname(name))
print(socket.getprotobyname("tcp") == socket.IPPROTO_TCP, socket.getprotobyname("udp") == socket.IPPROTO_UDP)
try:
    socket.getprotobyname("no-such-protocol")
except OSError as e:
    print(type(e).__name__, repr(e), e.errno)
try:
    socket.getprotobyname(6)
except TypeError as e:
    print(type(e).__name__, e)
