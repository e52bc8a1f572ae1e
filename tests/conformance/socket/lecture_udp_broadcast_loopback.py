# Broadcasting on loopback: sending to 127.255.255.255 needs SO_BROADCAST
# (EACCES without it); a receiver bound to the wildcard address gets the datagram.
import socket

r = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
r.bind(("", 0))
r.settimeout(5)
port = r.getsockname()[1]
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
try:
    s.sendto(b"Hello there", ("127.255.255.255", port))
except PermissionError as e:
    print(type(e).__name__, e.errno, e)
s.setsockopt(socket.SOL_SOCKET, socket.SO_BROADCAST, 1)
print(s.sendto(b"Hello there", ("127.255.255.255", port)))
data, addr = r.recvfrom(256)
print(data, addr[0])
s.close()
r.close()
