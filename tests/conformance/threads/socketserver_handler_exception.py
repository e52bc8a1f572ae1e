# An exception in handle(): finish() still runs, then handle_error() prints a block of
# dashes and the traceback to stderr; the server keeps serving.
import socket
import socketserver

log = []

class Handler(socketserver.BaseRequestHandler):
    def handle(self):
        data = self.request.recv(100)
        if data == b"crash":
            raise ValueError("handler failed on " + data.decode())
        self.request.sendall(b"fine")
    def finish(self):
        log.append("finish")

server = socketserver.TCPServer(("127.0.0.1", 0), Handler)
for msg in [b"crash", b"hello"]:
    c = socket.create_connection(server.server_address, timeout=5)
    c.sendall(msg)
    server.handle_request()
    print(msg, "->", c.recv(100))
    c.close()
print(log)
server.server_close()
print("program ends normally")
