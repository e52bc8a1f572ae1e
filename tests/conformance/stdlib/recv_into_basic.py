# socket.recv_into and recvfrom_into: into a bytearray or a writable memoryview, with
# nbytes and flags; CPython's errors.
import socket

a, b = socket.socketpair()
b.send(b"hello world")
for args in [(b"xx",), (memoryview(b"xx"),), ("s",), (bytearray(4), -1), (bytearray(4), 5), (),
             (bytearray(2), 1, 0, 3), (bytearray(2), "x")]:
    try:
        print(a.recv_into(*args))
    except Exception as e:
        print(type(e).__name__, e)
for args in [(b"xx",), (bytearray(4), -1), (bytearray(4), 5), (), (bytearray(2), 1, 0, 3)]:
    try:
        print(a.recvfrom_into(*args))
    except Exception as e:
        print(type(e).__name__, e)
buf = bytearray(20)
print(a.recv_into(buf, nbytes=3, flags=socket.MSG_PEEK), buf)
print(a.recv_into(memoryview(buf)[5:]), buf)
b.send(b"abcdef")
view = memoryview(buf)
print(a.recv_into(view[10:], 2), a.recv_into(view[12:14]), buf)
print(a.recv_into(buf, flags=0), buf[:2])
u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
u.bind(("127.0.0.1", 0))
v = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
v.sendto(b"dgram", u.getsockname())
bb = bytearray(3)
n, addr = u.recvfrom_into(bb)
print(n, bb, addr[0], addr[1] == v.getsockname()[1])
v.sendto(b"second", u.getsockname())
n, addr = u.recvfrom_into(memoryview(bb)[1:], 1)
print(n, bb)
print(a.recv_into(bytearray(0)))
b.close()
print(a.recv_into(buf), buf[:4])
a.close()
a.recv_into(buf)
