# StreamRequestHandler: rfile.readline() and wfile.write() on the connection.
import socket
import socketserver
import threading

class LineHandler(socketserver.StreamRequestHandler):
    def handle(self):
        for i in range(2):
            line = self.rfile.readline()
            self.wfile.write(b"you said: " + line.upper())
        self.wfile.write(("%s %s\n" % (type(self.rfile).__name__,
                                       type(self.wfile).__name__)).encode())

server = socketserver.TCPServer(("127.0.0.1", 0), LineHandler)
t = threading.Thread(target=server.serve_forever, args=(0.05,))
t.start()
c = socket.create_connection(server.server_address, timeout=5)
f = c.makefile("rwb")
f.write(b"first line\nsecond line\n")
f.flush()
for line in f:
    print(line)
f.close()
c.close()
server.shutdown()
server.server_close()
t.join(5)
print(issubclass(socketserver.StreamRequestHandler, socketserver.BaseRequestHandler))
