# A handler instance per request: __init__ calls setup(), handle(), finish() in order;
# request is the connected socket, client_address the peer, server the server.
import socket
import socketserver

log = []

class Handler(socketserver.BaseRequestHandler):
    def setup(self):
        log.append("setup")
    def handle(self):
        log.append("handle")
        log.append(type(self.request).__name__)
        log.append(self.client_address == peer)
        log.append(self.server is server)
        self.request.sendall(b"bye")
    def finish(self):
        log.append("finish")

server = socketserver.TCPServer(("127.0.0.1", 0), Handler)
c = socket.create_connection(server.server_address, timeout=5)
peer = c.getsockname()
server.handle_request()
print(log)
print(c.recv(10), c.recv(10))
c.close()
server.server_close()
print(issubclass(Handler, socketserver.BaseRequestHandler))
