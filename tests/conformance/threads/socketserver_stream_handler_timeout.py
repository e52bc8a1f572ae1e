# StreamRequestHandler.timeout: a client that sends nothing makes readline() time out
# inside the handler; handle_error() reports it on stderr and the server goes on.
import socket
import socketserver

class Handler(socketserver.StreamRequestHandler):
    timeout = 0.1
    def handle(self):
        line = self.rfile.readline()
        self.wfile.write(b"got " + line)

server = socketserver.TCPServer(("127.0.0.1", 0), Handler)
quiet = socket.create_connection(server.server_address, timeout=5)
server.handle_request()
print("quiet client gets EOF:", quiet.recv(100))
quiet.close()
talker = socket.create_connection(server.server_address, timeout=5)
talker.sendall(b"hello\n")
server.handle_request()
print(talker.recv(100))
talker.close()
server.server_close()
