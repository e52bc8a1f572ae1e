# With a timeout CPython connects in non-blocking mode and waits, so repeating
# connect() follows Linux's non-blocking rules: the 2nd call on a connected socket
# returns 0 and only the 3rd says EISCONN; after a refusal the 2nd call says
# ECONNABORTED (the error was already collected) and the 3rd tries again.
import socket

srv = socket.socket()
srv.bind(("127.0.0.1", 0))
srv.listen()
c = socket.socket()
c.settimeout(5)
print(c.connect_ex(srv.getsockname()), c.connect_ex(srv.getsockname()),
      c.connect_ex(srv.getsockname()))
c.close()
probe = socket.socket()
probe.bind(("127.0.0.1", 0))
port = probe.getsockname()[1]
probe.close()
for timeout in [None, 5]:
    d = socket.socket()
    d.settimeout(timeout)
    for i in range(3):
        try:
            d.connect(("127.0.0.1", port))
            print("connected?")
        except OSError as e:
            print(timeout, i, type(e).__name__, e)
    d.close()
    e = socket.socket()
    e.settimeout(timeout)
    print(timeout, "connect_ex:", [e.connect_ex(("127.0.0.1", port)) for i in range(3)])
    e.close()
srv.close()
