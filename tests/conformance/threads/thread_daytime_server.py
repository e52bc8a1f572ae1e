# A daytime server thread answering two clients, each with one line and a close.
import socket
import threading
import time

srv = socket.socket()
srv.bind(("127.0.0.1", 0))
srv.listen(5)
srv.settimeout(10)

def daytime(n):
    for i in range(n):
        conn, addr = srv.accept()
        conn.sendall((time.ctime() + "\r\n").encode())
        conn.close()

t = threading.Thread(target=daytime, args=(2,), daemon=True)
t.start()
for i in range(2):
    c = socket.create_connection(srv.getsockname(), timeout=5)
    f = c.makefile("rb")
    line = f.readline()
    rest = f.read()
    f.close()
    c.close()
    text = line.decode()
    print(len(text.split()), text.endswith("\r\n"), rest)
t.join(5)
print("server thread alive:", t.is_alive())
srv.close()
