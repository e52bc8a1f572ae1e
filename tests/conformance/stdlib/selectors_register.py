# selectors: register, the keys it returns, get_key/get_map, modify, unregister, and the
# errors, on a socketpair (whose reprs hold no port numbers).
import selectors
import socket

sel = selectors.DefaultSelector()
print(type(sel))
print(selectors.DefaultSelector)
print(selectors.EVENT_READ, selectors.EVENT_WRITE)
a, b = socket.socketpair()
print(sel.fileno(), a.fileno(), b.fileno())
key = sel.register(a, selectors.EVENT_READ, data="reader")
print(key)
print(type(key))
print(key.fileobj is a, key.fd, key.events, key.data)
fileobj, fd, events, data = key
print(fd, events, data)
print(key == (a, a.fileno(), selectors.EVENT_READ, "reader"), key[1], len(key))
print(len(sel.get_map()), list(sel.get_map()), a in sel.get_map(), b in sel.get_map())
print(sel.get_map()[a].data, sel.get_map().get(b), sel.get_key(a).data)
for bad in (0, 4, -1, 7):
    try:
        sel.register(b, bad)
    except ValueError as e:
        print("ValueError:", e)
for bad in ("text", None, 3.5):
    try:
        sel.register(bad, selectors.EVENT_READ)
    except ValueError as e:
        print("ValueError:", e)
try:
    sel.register(-5, selectors.EVENT_READ)
except ValueError as e:
    print("ValueError:", e)
try:
    sel.register(a, selectors.EVENT_WRITE)
except KeyError as e:
    print("KeyError:", e)
try:
    sel.get_key(b)
except KeyError as e:
    print("KeyError:", e)
try:
    sel.modify(b, selectors.EVENT_READ)
except KeyError as e:
    print("KeyError:", e)
print(sel.modify(a, selectors.EVENT_READ | selectors.EVENT_WRITE, data=[1, 2]))
print(sel.modify(a, selectors.EVENT_READ | selectors.EVENT_WRITE, data="same events"))
print(sel.unregister(a))
try:
    sel.unregister(a)
except KeyError as e:
    print("KeyError:", e)
# A closed socket is still found by identity.
sel.register(b, selectors.EVENT_READ)
b.close()
print(b.fileno(), sel.unregister(b).fd)
sel.close()
try:
    sel.get_key(a)
except RuntimeError as e:
    print("RuntimeError:", e)
print(sel.get_map())
with selectors.SelectSelector() as s2:
    print(type(s2).__name__, s2.register(a, selectors.EVENT_WRITE).events)
with selectors.PollSelector() as s3:
    print(type(s3).__name__, s3.register(a, selectors.EVENT_WRITE).events)
sel = selectors.EpollSelector()
sel.register(99, selectors.EVENT_READ)
