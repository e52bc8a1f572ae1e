# The mix-in pattern: class Server(ThreadingMixIn, TCPServer) behaves like ThreadingTCPServer.
import socket
import socketserver
import threading
from socketserver import ThreadingMixIn, TCPServer, BaseRequestHandler

class Server(ThreadingMixIn, TCPServer):
    allow_reuse_address = True
    daemon_threads = True

class Handler(BaseRequestHandler):
    def handle(self):
        self.request.sendall(b"daemon=%s" % str(threading.current_thread().daemon).encode())

print([c.__name__ for c in Server.__mro__])
print(issubclass(Server, TCPServer), issubclass(Server, socketserver.BaseServer))
with Server(("127.0.0.1", 0), Handler) as server:
    print(server.socket.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR))
    t = threading.Thread(target=server.serve_forever, args=(0.05,))
    t.start()
    c = socket.create_connection(server.server_address, timeout=5)
    print(c.recv(100))
    c.close()
    server.shutdown()
    t.join(5)
print("closed:", server.socket.fileno())
