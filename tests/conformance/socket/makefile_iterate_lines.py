# A socket file is iterable line by line, in binary and in text mode.
import socket

a, b = socket.socketpair()
a.sendall(b"alpha\nbeta\ngamma\n\nlast")
a.close()
f = b.makefile("rb")
for line in f:
    print(repr(line))
f.close()
b.close()
c, d = socket.socketpair()
c.sendall(b"one\ntwo\r\nthree\n")
c.shutdown(socket.SHUT_WR)
t = d.makefile("r")
lines = [line for line in t]
print(lines, len(lines))
print(repr(t.readline()))
t.close()
c.close()
d.close()
