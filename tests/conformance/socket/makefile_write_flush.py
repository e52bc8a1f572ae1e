# makefile('wb'): nothing is sent until flush() (or close()); write() returns the count.
import select
import socket

a, b = socket.socketpair()
w = a.makefile("wb")
print(type(w).__name__, w.write(b"buffered"))
r, _, _ = select.select([b], [], [], 0.1)
print("readable before flush:", r == [b])
w.flush()
r, _, _ = select.select([b], [], [], 5)
print("readable after flush:", r == [b])
print(b.recv(100))
w.write(b"closing sends it")
w.close()
print(b.recv(100))
print(w.closed, a.fileno() > 0)
try:
    w.write(b"more")
except ValueError as e:
    print(type(e).__name__, e)
try:
    w.write("text")
except (TypeError, ValueError) as e:
    print(type(e).__name__)
a.close()
b.close()
