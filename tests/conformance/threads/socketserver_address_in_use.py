# A second server on a port already listening: the OSError comes out of the constructor
# (which closes the half-made server's socket first).
import socketserver

class Handler(socketserver.BaseRequestHandler):
    pass

first = socketserver.TCPServer(("127.0.0.1", 0), Handler)
try:
    socketserver.TCPServer(first.server_address, Handler)
except OSError as e:
    print(type(e).__name__, e.errno, e)
print("first still listening:", first.socket.fileno() > 0)
first.server_close()
socketserver.UDPServer(("127.0.0.1", 0), Handler).server_close()
second = socketserver.TCPServer(("127.0.0.1", 0), Handler)
socketserver.TCPServer(second.server_address, Handler)
