"""Python's socketserver.ThreadingTCPServer echo: the lecture's way to write this server.

Usage: python3 bench/echo_threading.py  -> prints "listening on HOST:PORT", serves until killed.
"""
import socketserver
import sys


class Echo(socketserver.BaseRequestHandler):
    def handle(self):
        while True:
            data = self.request.recv(65536)
            if not data:
                break
            self.request.sendall(data)


class Server(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True
    request_queue_size = 1024  # the same backlog as the Rust servers


if __name__ == "__main__":
    server = Server(("127.0.0.1", 0), Echo)
    print("listening on %s:%d" % server.server_address, flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        sys.exit(0)
