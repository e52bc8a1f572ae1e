# select.poll and select.epoll: time-outs, argument counts and limits, with CPython's errors.
import select, selectors, socket
p = select.poll()
a, b = socket.socketpair()
p.register(a, select.POLLOUT)
e = select.epoll()
e.register(a, select.EPOLLOUT)
for f in [lambda: p.poll(1e20), lambda: p.poll(float("nan")), lambda: p.poll(-5), lambda: e.poll(1e20), lambda: e.poll(-0.5), lambda: e.poll(0, 0), lambda: e.poll(0, -2),
          lambda: e.poll("x"), lambda: select.epoll(0), lambda: select.epoll(-2), lambda: select.epoll(flags=5), lambda: p.register(), lambda: p.modify(1), lambda: p.poll(1, 2),
          lambda: e.register(), lambda: selectors.SelectSelector().select(0.001), lambda: p.register(2**40)]:
    try: print(f())
    except Exception as ex: print(type(ex).__name__, ex)
for f in [lambda: e.modify(1), lambda: e.unregister(), lambda: e.register(1, 2, 3), lambda: e.unregister(1, 2), lambda: p.poll(1e10), lambda: e.poll(1e7), lambda: e.poll(3e6)]:
    try: print(f())
    except Exception as ex: print(type(ex).__name__, ex)
