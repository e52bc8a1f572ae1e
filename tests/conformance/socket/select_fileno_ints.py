# select() accepts plain file descriptor numbers and returns them as they were given.
import select
import socket

a, b = socket.socketpair()
fa, fb = a.fileno(), b.fileno()
r, w, x = select.select([fa, fb], [fa], [], 0)
print(r, w == [fa], type(w[0]).__name__)
a.sendall(b"x")
r, w, x = select.select([fa, fb], [], [], 5)
print(r == [fb], type(r[0]).__name__)
r, w, x = select.select([b, fb], [], [], 5)
print(r[0] is b, r[1] == fb, len(r))

class Wrapper:
    def __init__(self, sock):
        self.sock = sock
    def fileno(self):
        return self.sock.fileno()

wrapped = Wrapper(b)
r, w, x = select.select([wrapped], [], [], 5)
print("object with fileno():", r[0] is wrapped)
a.close()
b.close()
