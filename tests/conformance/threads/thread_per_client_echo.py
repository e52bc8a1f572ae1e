# The lecture's thread-per-client echo server, serving several clients from the main thread.
import socket
import threading

srv = socket.socket()
srv.bind(("127.0.0.1", 0))
srv.listen(5)
srv.settimeout(10)
handlers = []

def handle(conn, n):
    while True:
        data = conn.recv(1024)
        if not data:
            break
        conn.sendall(data)
    conn.close()

def acceptor(count):
    for n in range(count):
        conn, addr = srv.accept()
        conn.settimeout(10)
        h = threading.Thread(target=handle, args=(conn, n))
        h.start()
        handlers.append(h)

a = threading.Thread(target=acceptor, args=(3,))
a.start()
clients = [socket.create_connection(srv.getsockname(), timeout=5) for i in range(3)]
for i in [2, 0, 1]:
    clients[i].sendall(("message from client %d" % i).encode())
    clients[i].shutdown(socket.SHUT_WR)
for i, c in enumerate(clients):
    data = b""
    while True:
        chunk = c.recv(5)
        if not chunk:
            break
        data += chunk
    print(i, data)
    c.close()
a.join(5)
for h in handlers:
    h.join(5)
print(len(handlers), [h.is_alive() for h in handlers])
srv.close()
