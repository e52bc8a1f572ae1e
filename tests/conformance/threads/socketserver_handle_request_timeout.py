# handle_request() waits at most server.timeout; with no client it calls handle_timeout().
import socketserver
import time

class Handler(socketserver.BaseRequestHandler):
    def handle(self):
        print("never handled")

class Server(socketserver.TCPServer):
    timeout = 0.1
    def handle_timeout(self):
        print("handle_timeout called, timeout =", self.timeout)

server = Server(("127.0.0.1", 0), Handler)
start = time.monotonic()
print(server.handle_request())
waited = time.monotonic() - start
print(waited >= 0.09, waited < 5)
server.timeout = None
plain = socketserver.TCPServer(("127.0.0.1", 0), Handler)
plain.timeout = 0.05
print(plain.handle_request(), "(default handle_timeout does nothing)")
plain.server_close()
server.server_close()
