# Every operation on a closed socket is OSError [Errno 9] Bad file descriptor,
# while fileno() is -1 and a second close() is harmless.
import socket

s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.close())
print(s.fileno(), s.close(), s.close())
names = ["send", "sendall", "sendto", "recv", "recvfrom", "bind", "listen", "accept",
         "connect", "getsockname", "getpeername", "shutdown", "getsockopt", "setsockopt"]
for name in names:
    try:
        if name == "send":
            s.send(b"x")
        elif name == "sendall":
            s.sendall(b"x")
        elif name == "sendto":
            s.sendto(b"x", ("127.0.0.1", 9))
        elif name == "recv":
            s.recv(1)
        elif name == "recvfrom":
            s.recvfrom(1)
        elif name == "bind":
            s.bind(("127.0.0.1", 0))
        elif name == "listen":
            s.listen()
        elif name == "accept":
            s.accept()
        elif name == "connect":
            s.connect(("127.0.0.1", 9))
        elif name == "getsockname":
            s.getsockname()
        elif name == "getpeername":
            s.getpeername()
        elif name == "shutdown":
            s.shutdown(socket.SHUT_RDWR)
        elif name == "getsockopt":
            s.getsockopt(socket.SOL_SOCKET, socket.SO_TYPE)
        else:
            s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        print(name, "worked?")
    except OSError as e:
        print(name, type(e).__name__, e.errno, e)
print(repr(s.family), repr(s.type), s.proto)
