# UDPServer: the handler's request is (data, socket); reply with sendto().
import socket
import socketserver

class UpperHandler(socketserver.BaseRequestHandler):
    def handle(self):
        data, sock = self.request
        print(type(self.request).__name__, data, type(sock).__name__)
        print("from client:", self.client_address == client.getsockname())
        sock.sendto(data.upper(), self.client_address)

server = socketserver.UDPServer(("127.0.0.1", 0), UpperHandler)
print(repr(server.socket.type), server.max_packet_size)
client = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
client.bind(("127.0.0.1", 0))
client.settimeout(5)
client.sendto(b"MixedCaseString", server.server_address)
server.handle_request()
data, addr = client.recvfrom(1024)
print(data, addr == server.server_address)
client.close()
server.server_close()
