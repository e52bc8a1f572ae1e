# select.epoll's methods take keywords: register(fd=, eventmask=), poll(timeout=, maxevents=).
import select, socket
a, b = socket.socketpair()
e = select.epoll()
e.register(fd=a, eventmask=select.EPOLLOUT)
e.modify(a, eventmask=select.EPOLLIN | select.EPOLLOUT)
print(e.poll(timeout=0, maxevents=1))
e.unregister(fd=a)
print(e.poll(0))
try:
    e.register(a, mask=1)
except TypeError as ex:
    print(ex)
p = select.poll()
for f in [lambda: p.register(fd=1), lambda: p.poll(timeout=1), lambda: p.unregister(fd=1), lambda: p.modify(1, eventmask=1)]:
    try:
        f()
    except TypeError as ex:
        print(ex)
