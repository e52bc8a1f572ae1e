# TCP_NODELAY lives at level IPPROTO_TCP; it is not available on a UDP socket.
import socket

t = socket.socket()
print(t.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))
t.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
print(t.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))
srv = socket.socket()
srv.bind(("127.0.0.1", 0))
srv.listen()
t.settimeout(5)
t.connect(srv.getsockname())
conn, _ = srv.accept()
print("connected, still", t.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))
print("accepted side", conn.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))
u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
for call in ["get", "set"]:
    try:
        if call == "get":
            u.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY)
        else:
            u.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    except OSError as e:
        print("udp", call, type(e).__name__, e.errno, e)
for s in (t, srv, conn, u):
    s.close()
