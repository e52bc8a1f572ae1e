# recv with buffers smaller than, equal to and larger than what has arrived, on both
# sides of the sizes where socklab changes how it reads (8 KiB, exactly full).
import socket

a, b = socket.socketpair()
b.sendall(bytes(range(256)) * 256)
x = a.recv(65536)
print(len(x), x[:3], x[-3:], x[65535], x == bytes(range(256)) * 256)
for size in (1, 8191, 8192, 8193, 20000, 65536):
    b.sendall(b"z" * size)
    got = a.recv(size)
    print(size, len(got), got == b"z" * size)
b.send(b"abc" * 5000)
y = a.recv(65536)
print(len(y), y[-3:])
b.send(b"q" * 9000)
z = a.recv(20000)
print(len(z), z[-2:])
b.send(b"peek")
print(a.recv(100000, socket.MSG_PEEK), a.recv(3), a.recv(100000))
b.send(b"")
b.close()
print(a.recv(65536), a.recv(1), a.recv(0))
a.close()
