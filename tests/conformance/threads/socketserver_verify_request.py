# verify_request() returning False: the handler never runs and the connection is closed.
import socket
import socketserver

class Handler(socketserver.BaseRequestHandler):
    def handle(self):
        self.request.sendall(b"welcome")

class PickyServer(socketserver.TCPServer):
    allowed = 1
    def verify_request(self, request, client_address):
        self.allowed -= 1
        return self.allowed >= 0

server = PickyServer(("127.0.0.1", 0), Handler)
for i in range(2):
    c = socket.create_connection(server.server_address, timeout=5)
    server.handle_request()
    data = b""
    while True:
        chunk = c.recv(100)
        if not chunk:
            break
        data += chunk
    print(i, data)
    c.close()
print(server.allowed, PickyServer.allowed)
server.server_close()
