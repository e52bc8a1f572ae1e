# socketserver.TCPServer + BaseRequestHandler: serve_forever in a thread, one client,
# then shutdown() and server_close().
import socket
import socketserver
import threading

class EchoHandler(socketserver.BaseRequestHandler):
    def handle(self):
        data = self.request.recv(1024)
        self.request.sendall(b"echo: " + data)

server = socketserver.TCPServer(("127.0.0.1", 0), EchoHandler)
t = threading.Thread(target=server.serve_forever)
t.start()
c = socket.create_connection(server.server_address, timeout=5)
c.sendall(b"hello server")
reply = b""
while True:
    chunk = c.recv(100)
    if not chunk:
        break
    reply += chunk
print(reply)
c.close()
print(server.shutdown())
t.join(5)
print("serve_forever returned:", not t.is_alive())
print(server.server_close())
print(server.socket.fileno())
