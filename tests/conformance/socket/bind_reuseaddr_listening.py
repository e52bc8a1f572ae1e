# SO_REUSEADDR does not let a second socket bind the port of a listening socket.
import socket

a = socket.socket()
a.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
a.bind(("127.0.0.1", 0))
a.listen()
port = a.getsockname()[1]
b = socket.socket()
b.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
try:
    b.bind(("127.0.0.1", port))
    print("second bind worked")
except OSError as e:
    print(type(e).__name__, e)
a.close()
b.bind(("127.0.0.1", port))
print("after closing the listener:", b.getsockname()[1] == port)
b.close()
