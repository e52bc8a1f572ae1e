# An uncaught BlockingIOError from accept() on a non-blocking listener.
import socket

srv = socket.socket()
srv.bind(("127.0.0.1", 0))
srv.listen()
srv.setblocking(False)
print("timeout:", srv.gettimeout(), "blocking:", srv.getblocking())
print("accepting without a client")
srv.accept()
print("not reached")
