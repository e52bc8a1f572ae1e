# connect() on a connected (blocking) socket: EISCONN (106). connect() with bad address types.
import socket

srv = socket.socket()
srv.bind(("127.0.0.1", 0))
srv.listen()
c = socket.socket()
c.connect(srv.getsockname())
try:
    c.connect(srv.getsockname())
except OSError as e:
    print(type(e).__name__, e.errno, e)
print("connect_ex:", c.connect_ex(srv.getsockname()))
for bad in ["127.0.0.1", ("127.0.0.1",), ("127.0.0.1", "80"), (80, "127.0.0.1")]:
    d = socket.socket()
    try:
        d.connect(bad)
    except TypeError as e:
        print(repr(bad), type(e).__name__, e)
    d.close()
c.close()
srv.close()
