# Data calls on a TCP socket that never connected: recv is ENOTCONN, send is EPIPE.
import socket

s = socket.socket()
s.bind(("127.0.0.1", 0))
for name in ["recv", "send", "sendall", "getpeername", "shutdown"]:
    try:
        if name == "recv":
            s.recv(10)
        elif name == "send":
            s.send(b"x")
        elif name == "sendall":
            s.sendall(b"x")
        elif name == "getpeername":
            s.getpeername()
        else:
            s.shutdown(socket.SHUT_RDWR)
    except OSError as e:
        print(name, type(e).__name__, e.errno, e)
s.close()
