# An echo server with selectors (the documentation's example, non-blocking sockets) and
# a client in a thread, in one program over loopback.
import selectors
import socket
import threading

sel = selectors.DefaultSelector()


def accept(sock, mask):
    conn, addr = sock.accept()
    print("accepted a connection, fd", conn.fileno(), "from", addr[0])
    conn.setblocking(False)
    sel.register(conn, selectors.EVENT_READ, read)


def read(conn, mask):
    data = conn.recv(1000)
    if data:
        print("echoing", repr(data))
        conn.sendall(data.upper())
    else:
        print("closing fd", conn.fileno())
        sel.unregister(conn)
        conn.close()
        done[0] = True


sock = socket.socket()
sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
sock.bind(("127.0.0.1", 0))
sock.listen(100)
sock.setblocking(False)
sel.register(sock, selectors.EVENT_READ, accept)
port = sock.getsockname()[1]
done = [False]
replies = []


def client():
    with socket.create_connection(("127.0.0.1", port)) as c:
        for word in (b"hello", b"selectors", b"bye"):
            c.sendall(word)
            replies.append(c.recv(1000))


t = threading.Thread(target=client)
t.start()
while not done[0]:
    events = sel.select(timeout=5)
    if not events:
        print("timed out")
        break
    for key, mask in events:
        callback = key.data
        callback(key.fileobj, mask)
t.join()
print(replies)
print(len(sel.get_map()))
sel.close()
sock.close()
