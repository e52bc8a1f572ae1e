# An echo server with select() serving 3 clients one after another (one program).
import select
import socket

srv = socket.socket()
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(("127.0.0.1", 0))
srv.listen(5)
addr = srv.getsockname()

def serve_one():
    conn = None
    while True:
        watch = [srv] if conn is None else [conn]
        readable, _, _ = select.select(watch, [], [], 5)
        if not readable:
            return "timeout"
        if conn is None:
            conn, _ = srv.accept()
            continue
        data = conn.recv(1024)
        if not data:
            conn.close()
            return "closed"
        conn.sendall(data)

for n in range(3):
    c = socket.create_connection(addr, timeout=5)
    message = ("client %d says hello" % n).encode()
    c.sendall(message)
    c.shutdown(socket.SHUT_WR)
    print(n, serve_one())
    echoed = b""
    while True:
        chunk = c.recv(7)
        if not chunk:
            break
        echoed += chunk
    print(n, echoed, echoed == message)
    c.close()
srv.close()
