# ThreadingUDPServer: each datagram is handled in its own thread.
import socket
import socketserver
import threading

class Handler(socketserver.BaseRequestHandler):
    def handle(self):
        data, sock = self.request
        worker = threading.current_thread() is not threading.main_thread()
        sock.sendto(data + (b" handled in a worker" if worker else b" in main"),
                    self.client_address)

server = socketserver.ThreadingUDPServer(("127.0.0.1", 0), Handler)
print([c.__name__ for c in type(server).__mro__])
t = threading.Thread(target=server.serve_forever, args=(0.05,))
t.start()
c = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
c.settimeout(5)
for msg in [b"one", b"two"]:
    c.sendto(msg, server.server_address)
    print(c.recv(1024))
server.shutdown()
server.server_close()
t.join(5)
c.close()
