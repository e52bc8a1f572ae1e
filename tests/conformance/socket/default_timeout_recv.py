# A default timeout makes a recv() on a new socket time out.
import socket

socket.setdefaulttimeout(0.1)
u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
u.bind(("127.0.0.1", 0))
try:
    u.recvfrom(100)
except TimeoutError as e:
    print(type(e).__name__, e)
srv = socket.socket()
srv.bind(("127.0.0.1", 0))
srv.listen()
try:
    srv.accept()
except socket.timeout as e:
    print("accept:", e)
socket.setdefaulttimeout(None)
u.close()
srv.close()
