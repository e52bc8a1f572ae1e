# Descriptor numbers stay CPython's after many reads that wait for a fast peer
# (socklab's own bookkeeping for such waits must not take a low number).
import socket
import threading

a, b = socket.socketpair()
print(a.fileno(), b.fileno())


def echo():
    while True:
        data = b.recv(100)
        if not data:
            break
        b.sendall(data)


t = threading.Thread(target=echo)
t.start()
total = 0
for i in range(2000):
    a.sendall(b"x")
    total += len(a.recv(100))
a.shutdown(socket.SHUT_WR)
t.join()
print(total)
c = socket.socket()
print(c.fileno())
d = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
print(d.fileno())
