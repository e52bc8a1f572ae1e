# SO_BROADCAST on UDP and SO_KEEPALIVE on TCP: 0 by default, 1 once set.
import socket

u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
print("broadcast", u.getsockopt(socket.SOL_SOCKET, socket.SO_BROADCAST))
u.setsockopt(socket.SOL_SOCKET, socket.SO_BROADCAST, 1)
print("broadcast", u.getsockopt(socket.SOL_SOCKET, socket.SO_BROADCAST))
u.close()
t = socket.socket()
print("keepalive", t.getsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE))
t.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, 1)
print("keepalive", t.getsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE))
t.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, 0)
print("keepalive", t.getsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE))
print("broadcast on tcp", t.getsockopt(socket.SOL_SOCKET, socket.SO_BROADCAST))
t.close()
