# Ports outside 0-65535 raise OverflowError before anything is bound.
import socket

s = socket.socket()
for port in [65536, 70000, -1, 2 ** 40]:
    try:
        s.bind(("127.0.0.1", port))
    except OverflowError as e:
        print(port, type(e).__name__, e)
u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
try:
    u.sendto(b"x", ("127.0.0.1", 65536))
except OverflowError as e:
    print("sendto", type(e).__name__, e)
try:
    s.connect(("127.0.0.1", -5))
except OverflowError as e:
    print("connect", type(e).__name__, e)
s.bind(("127.0.0.1", 0))
print("port 0 picks a port:", s.getsockname()[1] > 0, s.getsockname()[1] <= 65535)
u.close()
s.close()
t = socket.socket()
t.bind(("127.0.0.1", 65536))
