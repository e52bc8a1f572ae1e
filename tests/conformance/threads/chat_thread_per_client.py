# A thread-per-client chat server: each handler relays lines to every other client.
import socket
import threading

srv = socket.socket()
srv.bind(("127.0.0.1", 0))
srv.listen(5)
srv.settimeout(10)
clients = []
clients_lock = threading.Lock()
all_joined = threading.Event()
handlers = []

def handler(conn):
    f = conn.makefile("rb")
    for line in f:
        with clients_lock:
            for other in clients:
                if other is not conn:
                    other.sendall(line)
    with clients_lock:
        clients.remove(conn)
    f.close()
    conn.close()

def acceptor(n):
    for i in range(n):
        conn, _ = srv.accept()
        with clients_lock:
            clients.append(conn)
        h = threading.Thread(target=handler, args=(conn,))
        handlers.append(h)
        h.start()
    all_joined.set()

a = threading.Thread(target=acceptor, args=(3,))
a.start()
names = ["alice", "bob", "carol"]
socks = [socket.create_connection(srv.getsockname(), timeout=5) for n in names]
files = [s.makefile("rb") for s in socks]
print("all joined:", all_joined.wait(5))
for i in [1, 2, 0]:
    socks[i].sendall(("<%s> hello\n" % names[i]).encode())
    for j in range(3):
        if j != i:
            print(names[j], "got", files[j].readline())
for f, s in zip(files, socks):
    f.close()
    s.close()
a.join(5)
for h in handlers:
    h.join(5)
print("handlers done:", [h.is_alive() for h in handlers], len(clients))
srv.close()
