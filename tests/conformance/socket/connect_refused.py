# connect() to a port nobody listens on: ConnectionRefusedError, errno 111.
import socket

probe = socket.socket()
probe.bind(("127.0.0.1", 0))
port = probe.getsockname()[1]
probe.close()
c = socket.socket()
try:
    c.connect(("127.0.0.1", port))
except ConnectionRefusedError as e:
    print(type(e).__name__, e.errno, e.strerror)
    print(repr(e), str(e), e.args)
    print(isinstance(e, ConnectionError), isinstance(e, OSError), e.filename)
try:
    c.connect(("127.0.0.1", port))
except OSError as e:
    print("again:", repr(e))
c.close()
d = socket.socket()
try:
    d.connect(("localhost", port))
except OSError as e:
    print("localhost:", type(e).__name__, e)
d.close()
