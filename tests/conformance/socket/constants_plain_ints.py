# Option levels, option names, shutdown modes and INADDR_ANY are plain ints.
import socket

pairs = [("SOL_SOCKET", socket.SOL_SOCKET), ("SO_REUSEADDR", socket.SO_REUSEADDR),
         ("SO_REUSEPORT", socket.SO_REUSEPORT), ("SO_BROADCAST", socket.SO_BROADCAST),
         ("SO_KEEPALIVE", socket.SO_KEEPALIVE), ("SO_RCVBUF", socket.SO_RCVBUF),
         ("SO_SNDBUF", socket.SO_SNDBUF), ("SO_ERROR", socket.SO_ERROR),
         ("SO_TYPE", socket.SO_TYPE), ("IPPROTO_TCP", socket.IPPROTO_TCP),
         ("IPPROTO_UDP", socket.IPPROTO_UDP), ("TCP_NODELAY", socket.TCP_NODELAY),
         ("SHUT_RD", socket.SHUT_RD), ("SHUT_WR", socket.SHUT_WR),
         ("SHUT_RDWR", socket.SHUT_RDWR), ("INADDR_ANY", socket.INADDR_ANY)]
for name, v in pairs:
    print(name, repr(v), type(v).__name__)
print(socket.SHUT_RD < socket.SHUT_WR < socket.SHUT_RDWR)
from socket import *
print(SOL_SOCKET, SO_REUSEADDR, SHUT_WR, IPPROTO_TCP == IPPROTO_TCP)
