# accept() on a socket that is bound but not listening: EINVAL. On UDP: EOPNOTSUPP.
import socket

s = socket.socket()
s.bind(("127.0.0.1", 0))
try:
    s.accept()
except OSError as e:
    print(type(e).__name__, e.errno, e)
s.close()
u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
u.bind(("127.0.0.1", 0))
for name in ["listen", "accept"]:
    try:
        if name == "listen":
            u.listen()
        else:
            u.accept()
    except OSError as e:
        print(name, type(e).__name__, e.errno, e)
u.close()
s = socket.socket()
s.bind(("127.0.0.1", 0))
s.accept()
