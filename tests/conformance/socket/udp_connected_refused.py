# A connected UDP socket learns (from the ICMP reply) that nobody listens:
# the next recv() raises ConnectionRefusedError.
import socket

probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
probe.bind(("127.0.0.1", 0))
port = probe.getsockname()[1]
probe.close()
u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
u.settimeout(5)
u.connect(("127.0.0.1", port))
print("sent", u.send(b"anyone?"))
try:
    u.recv(100)
except ConnectionRefusedError as e:
    print(type(e).__name__, e)
u.settimeout(0.05)
try:
    u.recv(100)
except TimeoutError as e:
    print("then:", type(e).__name__, e)
u.close()
