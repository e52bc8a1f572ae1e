# accept() honours the listening socket's timeout.
import socket

srv = socket.socket()
srv.bind(("127.0.0.1", 0))
srv.listen()
srv.settimeout(0.1)
try:
    srv.accept()
except TimeoutError as e:
    print(type(e).__name__, e)
c = socket.create_connection(srv.getsockname(), timeout=5)
conn, addr = srv.accept()
print("accepted after a client came:", addr == c.getsockname())
conn.close()
c.close()
srv.close()
