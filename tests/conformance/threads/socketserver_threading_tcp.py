# ThreadingTCPServer runs each request in a new thread named after process_request_thread.
import socket
import socketserver
import threading

names = []
lock = threading.Lock()

class Handler(socketserver.BaseRequestHandler):
    def handle(self):
        me = threading.current_thread()
        with lock:
            names.append((me.name, me is threading.main_thread(), me.daemon))
        self.request.sendall(self.request.recv(100)[::-1])

server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Handler)
print([c.__name__ for c in type(server).__mro__])
print(server.daemon_threads, server.block_on_close)
t = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
t.start()
for word in [b"stressed", b"drawer"]:
    c = socket.create_connection(server.server_address, timeout=5)
    c.sendall(word)
    c.shutdown(socket.SHUT_WR)
    out = b""
    while True:
        chunk = c.recv(100)
        if not chunk:
            break
        out += chunk
    print(out)
    c.close()
server.shutdown()
server.server_close()
t.join(5)
print(names)
