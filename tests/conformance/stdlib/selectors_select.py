# selectors: select() reports what is ready, with the events asked for, on each kind of
# selector; time-outs return an empty list.
import selectors
import socket
import time

for cls in (selectors.DefaultSelector, selectors.EpollSelector, selectors.PollSelector,
            selectors.SelectSelector):
    sel = cls()
    a, b = socket.socketpair()
    sel.register(a, selectors.EVENT_READ, data="a")
    sel.register(b, selectors.EVENT_READ | selectors.EVENT_WRITE, data="b")
    print(cls.__name__)
    print("  nothing to read:", [(k.data, m) for k, m in sel.select(0)])
    start = time.monotonic()
    sel.modify(b, selectors.EVENT_READ, data="b")
    print("  timeout:", sel.select(0.05), time.monotonic() - start >= 0.05)
    b.send(b"ping")
    ready = sel.select(1)
    print("  after send:", [(k.data, m, k.fileobj.recv(10)) for k, m in ready])
    a.send(b"pong")
    sel.modify(b, selectors.EVENT_READ | selectors.EVENT_WRITE, data="b")
    print("  both:", sorted([(k.data, m) for k, m in sel.select(None)]))
    print("  recv:", b.recv(10))
    a.close()
    print("  peer closed:", [(k.data, m, k.fileobj.recv(10)) for k, m in sel.select(1) if k.data == "b"])
    sel.unregister(a)
    sel.unregister(b)
    print("  empty:", sel.select(0), len(sel.get_map()))
    sel.close()
    b.close()
