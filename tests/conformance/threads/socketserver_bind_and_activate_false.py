# bind_and_activate=False: the socket exists but is unbound until server_bind()
# and server_activate() are called; server_address is updated by server_bind().
import socket
import socketserver

class Handler(socketserver.BaseRequestHandler):
    def handle(self):
        self.request.sendall(b"ok")

server = socketserver.TCPServer(("127.0.0.1", 0), Handler, bind_and_activate=False)
print(server.server_address, server.socket.getsockname())
server.socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.server_bind()
print(server.server_address[0], server.server_address[1] > 0)
server.server_activate()
c = socket.create_connection(server.server_address, timeout=5)
server.handle_request()
print(c.recv(10))
c.close()
server.server_close()
