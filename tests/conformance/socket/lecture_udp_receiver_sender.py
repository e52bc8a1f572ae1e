# The lecture's UDP receiver and sender, ported to Python 3 and to loopback:
# the receiver binds first, the sender (with SO_BROADCAST set, as on the slide) sends.
import socket

# receiver
r = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
r.bind(("127.0.0.1", 0))
r.settimeout(5)
port = r.getsockname()[1]

# sender
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind(("127.0.0.1", 0))
s.setsockopt(socket.SOL_SOCKET, socket.SO_BROADCAST, 1)
s.sendto(b"Hello there", ("127.0.0.1", port))
s.sendto("Hello there".encode(), ("127.0.0.1", port))

count = 0
while count < 2:
    if count == 0:
        print(r.recv(256))
    else:
        data, addr = r.recvfrom(256)
        print(data, addr == s.getsockname())
    count += 1
s.close()
r.close()
