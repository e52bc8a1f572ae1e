# Writing after shutdown(SHUT_WR): BrokenPipeError (CPython ignores SIGPIPE),
# so the program ends with a traceback and status 1, not a signal.
import socket

a, b = socket.socketpair()
a.sendall(b"before")
a.shutdown(socket.SHUT_WR)
print(b.recv(100), b.recv(100))
print("writing after shutdown")
a.sendall(b"too late")
print("not reached")
