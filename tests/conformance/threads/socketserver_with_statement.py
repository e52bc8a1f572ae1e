# `with server:` calls server_close() on exit, also when the block raises.
import socketserver

class Handler(socketserver.BaseRequestHandler):
    pass

with socketserver.TCPServer(("127.0.0.1", 0), Handler) as server:
    print("inside:", server.socket.fileno() > 0, type(server).__name__)
print("after:", server.socket.fileno())
try:
    with socketserver.UDPServer(("127.0.0.1", 0), Handler) as udp:
        raise ValueError("inside with")
except ValueError as e:
    print("caught", e, "closed:", udp.socket.fileno())
s = socketserver.TCPServer(("127.0.0.1", 0), Handler)
print(s.__enter__() is s)
s.__exit__(None, None, None)
print(s.socket.fileno())
