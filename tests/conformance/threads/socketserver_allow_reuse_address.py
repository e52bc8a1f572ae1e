# allow_reuse_address = True sets SO_REUSEADDR before bind, so a restarted server can
# take over a port still in TIME_WAIT.
import socket
import socketserver

class Handler(socketserver.BaseRequestHandler):
    def handle(self):
        self.request.sendall(b"served")

class ReusableServer(socketserver.TCPServer):
    allow_reuse_address = True

first = ReusableServer(("127.0.0.1", 0), Handler)
port = first.server_address[1]
print(first.socket.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR))
c = socket.create_connection(("127.0.0.1", port), timeout=5)
first.handle_request()
print(c.recv(100))
first.server_close()
c.close()
second = ReusableServer(("127.0.0.1", port), Handler)
print("restarted on the same port:", second.server_address[1] == port)
second.server_close()
