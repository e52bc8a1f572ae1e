# The lecture's Python 2 module name does not exist in Python 3.
import socketserver

print("socketserver imports fine:", socketserver.TCPServer.__name__)
try:
    import SocketServer
except ImportError as e:
    print(type(e).__name__, e, e.args)
print("now uncaught:")
import SocketServer
print("not reached")
