# The server's hooks around one TCP request, in the order handle_request() calls them.
import socket
import socketserver

log = []

class Handler(socketserver.BaseRequestHandler):
    def handle(self):
        log.append("handler.handle")

class Server(socketserver.TCPServer):
    def get_request(self):
        log.append("get_request")
        return socketserver.TCPServer.get_request(self)
    def verify_request(self, request, client_address):
        log.append("verify_request")
        return True
    def process_request(self, request, client_address):
        log.append("process_request")
        super().process_request(request, client_address)
    def finish_request(self, request, client_address):
        log.append("finish_request")
        super().finish_request(request, client_address)
    def shutdown_request(self, request):
        log.append("shutdown_request")
        super().shutdown_request(request)
    def close_request(self, request):
        log.append("close_request")
        super().close_request(request)

server = Server(("127.0.0.1", 0), Handler)
c = socket.create_connection(server.server_address, timeout=5)
server.handle_request()
for step in log:
    print(step)
print(c.recv(10))
c.close()
server.server_close()
