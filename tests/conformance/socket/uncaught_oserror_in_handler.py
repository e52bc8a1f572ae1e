# An exception raised while handling a socket error: the last line is the new exception.
import socket

s = socket.socket()
s.close()
try:
    s.send(b"x")
except OSError as e:
    print("handling", e)
    raise RuntimeError("could not send: errno %d" % e.errno)
