# DatagramRequestHandler: rfile holds the datagram, wfile's contents are sent back
# as one datagram after handle().
import socket
import socketserver

class Handler(socketserver.DatagramRequestHandler):
    def handle(self):
        line = self.rfile.readline()
        rest = self.rfile.read()
        self.wfile.write(b"line=" + line.strip() + b" rest=" + rest)
        self.wfile.write(b" (" + type(self.rfile).__name__.encode() + b")")

server = socketserver.UDPServer(("127.0.0.1", 0), Handler)
c = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
c.settimeout(5)
c.sendto(b"first\nsecond\nthird", server.server_address)
server.handle_request()
print(c.recv(1024))
c.sendto(b"", server.server_address)
server.handle_request()
print(c.recv(1024))
c.close()
server.server_close()
