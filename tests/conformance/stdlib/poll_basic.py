# select.poll: register/modify/unregister and poll(milliseconds) with its (fd, mask) list;
# the constants; the errors.
import select
import socket

names = [n for n in dir(select) if n.startswith("POLL") or n.startswith("EPOLL")]
for n in sorted(names):
    print(n, getattr(select, n))
print(select.PIPE_BUF)
p = select.poll()
print(type(p))
print(p.poll(0), p.poll(1), p.poll(1.5))
a, b = socket.socketpair()
p.register(a, select.POLLIN)
p.register(b.fileno())
print(p.poll(0))
b.send(b"x")
print(p.poll(100))
p.modify(b, select.POLLIN)
print(p.poll(None))
print(a.recv(1))
p.unregister(b)
print(p.poll(0))
p.register(99)
print(p.poll(0))
for call, args in ((p.modify, (98, 1)), (p.unregister, (98,)), (p.register, ("x",)),
                   (p.register, (-1,)), (p.poll, ("soon",)), (p.register, (1, -1)),
                   (p.register, (1, 1 << 16))):
    try:
        call(*args)
    except Exception as e:
        print(type(e).__name__, e)
e = select.epoll()
print(type(e), e.fileno(), e.closed)
e.register(a, select.EPOLLIN | select.EPOLLOUT)
print(e.poll(0))
for call, args in ((e.register, (a,)), (e.modify, (b, 1)), (e.unregister, (99,)), (e.register, (0,))):
    try:
        call(*args)
    except OSError as ex:
        print(type(ex).__name__, ex)
with select.epoll() as e2:
    print(e2.closed)
print(e2.closed)
e.close()
print(e.closed)
e.poll(0)
