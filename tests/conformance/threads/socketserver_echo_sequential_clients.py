# The lecture's echo server with TCPServer: three clients one after another.
import socket
import socketserver
import threading

class EchoRequestHandler(socketserver.BaseRequestHandler):
    def handle(self):
        while True:
            data = self.request.recv(1024)
            if not data:
                break
            self.request.sendall(data)

server = socketserver.TCPServer(("127.0.0.1", 0), EchoRequestHandler)
t = threading.Thread(target=server.serve_forever, args=(0.05,))
t.start()
for n in range(3):
    s = socket.create_connection(server.server_address, timeout=5)
    s.sendall(("Hello %d" % n).encode())
    s.sendall(b" and goodbye")
    s.shutdown(socket.SHUT_WR)
    data = b""
    while True:
        chunk = s.recv(4)
        if not chunk:
            break
        data += chunk
    print("Received", repr(data))
    s.close()
server.shutdown()
server.server_close()
t.join(5)
