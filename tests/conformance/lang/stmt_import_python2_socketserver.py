# The lecture's Python 2 module name SocketServer does not exist in Python 3.
try:
    import SocketServer
except ModuleNotFoundError as e:
    print(type(e).__name__)
    print(e)
    print(repr(e))
    print(isinstance(e, Exception))
try:
    import nosuchmodule as m
except ModuleNotFoundError as e:
    print(e)
try:
    from SocketServer import TCPServer
except ModuleNotFoundError as e:
    print(e)
import SocketServer
print("not reached")
