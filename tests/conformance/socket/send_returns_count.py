# send() returns how many bytes it took; sendall() returns None; empty sends are fine.
import socket
import threading

a, b = socket.socketpair()
n = a.send(b"12345")
print(n, type(n).__name__)
print(a.sendall(b"67890"))
print(a.send(b""), a.sendall(b""))
print(a.send(bytearray(b"ab")), a.sendall(bytearray(b"cd")))
a.shutdown(socket.SHUT_WR)
got = b""
while True:
    chunk = b.recv(3)
    if not chunk:
        break
    got += chunk
print(got, len(got))
big = b"x" * 200000
a2, b2 = socket.socketpair()
a2.settimeout(5)
b2.settimeout(5)
total = []
def reader():
    n = 0
    while True:
        chunk = b2.recv(65536)
        if not chunk:
            break
        n += len(chunk)
    total.append(n)
t = threading.Thread(target=reader)
t.start()
print(a2.sendall(big))
a2.shutdown(socket.SHUT_WR)
t.join()
print(total)
for s in (a, b, a2, b2):
    s.close()
