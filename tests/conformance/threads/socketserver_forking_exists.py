# CPython on Linux has the forking variants; this program only checks that they exist.
import socketserver

for name in ["ForkingMixIn", "ForkingTCPServer", "ForkingUDPServer",
             "ThreadingMixIn", "ThreadingTCPServer", "ThreadingUDPServer"]:
    print(name, hasattr(socketserver, name))
print(hasattr(socketserver, "SocketServer"), hasattr(socketserver, "Forking"))
print(socketserver.__name__)
print(issubclass(socketserver.ForkingTCPServer, socketserver.TCPServer))
