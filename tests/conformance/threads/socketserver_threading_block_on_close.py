# ThreadingMixIn: server_close() waits for non-daemon request threads (block_on_close).
import socket
import socketserver
import threading

started = threading.Event()
release = threading.Event()
log = []

class SlowHandler(socketserver.BaseRequestHandler):
    def handle(self):
        started.set()
        release.wait(5)
        log.append("handler finished")

server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), SlowHandler)
c = socket.create_connection(server.server_address, timeout=5)
server.handle_request()
started.wait(5)
log.append("request handed to a thread")
closer = threading.Thread(target=server.server_close)
closer.start()
closer.join(0.1)
log.append("server_close still waiting: %s" % closer.is_alive())
release.set()
closer.join(5)
log.append("server_close returned")
for line in log:
    print(line)
c.close()
