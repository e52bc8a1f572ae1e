# getaddrinfo() with family and type: a list of 5-tuples.
import socket

result = socket.getaddrinfo("localhost", 80, socket.AF_INET, socket.SOCK_STREAM)
print(result)
family, kind, proto, canonname, sockaddr = result[0]
print(repr(family), repr(kind), proto, repr(canonname), sockaddr)
print(socket.getaddrinfo("127.0.0.1", 53, socket.AF_INET, socket.SOCK_DGRAM))
print(socket.getaddrinfo("127.0.0.1", "80", socket.AF_INET, socket.SOCK_STREAM))
print(socket.getaddrinfo("127.0.0.1", b"80", socket.AF_INET, socket.SOCK_STREAM))
print(socket.getaddrinfo("::1", 80, socket.AF_INET6, socket.SOCK_STREAM))
for info in socket.getaddrinfo("127.0.0.1", 8080):
    print(info)
print(socket.getaddrinfo(None, 80, socket.AF_INET, socket.SOCK_STREAM))
print(socket.getaddrinfo(None, 80, socket.AF_INET, socket.SOCK_STREAM, 0, socket.AI_PASSIVE))
print(socket.getaddrinfo("127.0.0.1", 80, type=socket.SOCK_STREAM, flags=socket.AI_CANONNAME))
print(socket.getaddrinfo("127.0.0.1", None, socket.AF_INET, socket.SOCK_STREAM))
