# One thread, one selector: a non-blocking echo server and three non-blocking clients
# (connect_ex, EVENT_READ | EVENT_WRITE, modify), in the style of the popular
# "multi-connection" tutorial. The per-client results are printed at the end, sorted,
# since the order events arrive in is the kernel's.
import selectors
import socket

sel = selectors.DefaultSelector()
listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
listener.bind(("127.0.0.1", 0))
listener.listen()
listener.setblocking(False)
sel.register(listener, selectors.EVENT_READ, data=None)
address = listener.getsockname()


class Client:
    def __init__(self, number, messages):
        self.number = number
        self.outgoing = list(messages)
        self.expected = sum(len(m) for m in messages)
        self.received = b""
        self.buffer = b""


class Peer:
    def __init__(self):
        self.pending = b""


results = {}
for i in range(3):
    c = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    c.setblocking(False)
    err = c.connect_ex(address)
    results.setdefault("connect_ex", set()).add(err in (0, 115))
    messages = [b"client %d says hi. " % i, b"bye from %d." % i]
    sel.register(c, selectors.EVENT_READ | selectors.EVENT_WRITE, data=Client(i, messages))

open_clients = 3
rounds = 0
while open_clients and rounds < 10000:
    rounds += 1
    for key, mask in sel.select(timeout=5):
        sock, data = key.fileobj, key.data
        if data is None:
            conn, addr = sock.accept()
            conn.setblocking(False)
            sel.register(conn, selectors.EVENT_READ, data=Peer())
        elif isinstance(data, Peer):
            if mask & selectors.EVENT_READ:
                chunk = sock.recv(1024)
                if chunk:
                    data.pending += chunk.upper()
                    sel.modify(sock, selectors.EVENT_READ | selectors.EVENT_WRITE, data=data)
                else:
                    sel.unregister(sock)
                    sock.close()
            if mask & selectors.EVENT_WRITE and data.pending:
                sent = sock.send(data.pending)
                data.pending = data.pending[sent:]
                if not data.pending:
                    sel.modify(sock, selectors.EVENT_READ, data=data)
        else:
            if mask & selectors.EVENT_READ:
                chunk = sock.recv(1024)
                data.received += chunk
                if len(data.received) >= data.expected or not chunk:
                    results[data.number] = data.received
                    sel.unregister(sock)
                    sock.close()
                    open_clients -= 1
                    continue
            if mask & selectors.EVENT_WRITE:
                if not data.buffer and data.outgoing:
                    data.buffer = data.outgoing.pop(0)
                if data.buffer:
                    sent = sock.send(data.buffer)
                    data.buffer = data.buffer[sent:]
                elif not data.outgoing:
                    sel.modify(sock, selectors.EVENT_READ, data=data)

print("connect_ex gave 0 or EINPROGRESS:", results.pop("connect_ex"))
for number in sorted(results):
    print(number, results[number])
print("listener still registered:", listener in sel.get_map())
sel.close()
listener.close()
