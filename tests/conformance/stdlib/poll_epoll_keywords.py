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
