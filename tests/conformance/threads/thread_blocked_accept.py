# A thread blocks in accept() while the main thread connects and talks to it.
import socket
import threading

srv = socket.socket()
srv.bind(("127.0.0.1", 0))
srv.listen(1)
srv.settimeout(10)
log = []

def server():
    conn, addr = srv.accept()
    log.append("accepted in " + threading.current_thread().name)
    data = conn.recv(1024)
    conn.sendall(b"server got " + data)
    conn.close()

t = threading.Thread(target=server, name="acceptor")
t.start()
c = socket.create_connection(srv.getsockname(), timeout=5)
c.sendall(b"hello")
reply = b""
while True:
    chunk = c.recv(1024)
    if not chunk:
        break
    reply += chunk
t.join(5)
print(reply)
print(log, t.is_alive())
c.close()
srv.close()
