# serve_forever(poll_interval) in a thread; shutdown() from the main thread blocks until
# the loop has stopped; then server_close(). Requests are served one at a time.
import socket
import socketserver
import threading
import time

class Handler(socketserver.BaseRequestHandler):
    def handle(self):
        self.request.sendall(threading.current_thread().name.encode())

server = socketserver.TCPServer(("127.0.0.1", 0), Handler)
t = threading.Thread(target=server.serve_forever, args=(0.05,), name="server-loop")
t.start()
for i in range(3):
    c = socket.create_connection(server.server_address, timeout=5)
    print(i, c.recv(100))
    c.close()
start = time.monotonic()
print(server.shutdown())
print("shutdown returned in time:", time.monotonic() - start < 5)
t.join(5)
print("thread alive after join:", t.is_alive())
server.server_close()
print(server.socket.fileno())
