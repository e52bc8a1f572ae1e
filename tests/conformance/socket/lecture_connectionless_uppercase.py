# The lecture's connectionless server (uppercases each datagram) and client.
from socket import socket, AF_INET, SOCK_DGRAM

s = socket(AF_INET, SOCK_DGRAM)
s.bind(("127.0.0.1", 0))
s.settimeout(5)
server = s.getsockname()

c = socket(AF_INET, SOCK_DGRAM)
c.bind(("127.0.0.1", 0))
c.settimeout(5)
print("using", c.getsockname()[0], c.getsockname()[1] > 0)
c.sendto(b"MixedCaseString", server)

data, addr = s.recvfrom(1024)
print("Connection from", addr == c.getsockname())
s.sendto(data.upper(), addr)

data, addr = c.recvfrom(1024)
print("received", data, "from server:", addr == server)
c.close()
s.close()
