# An uncaught timeout ends the program with "TimeoutError: timed out".
import socket

srv = socket.socket()
srv.bind(("127.0.0.1", 0))
srv.listen()
srv.settimeout(0.1)
print("waiting for a client that never comes")
conn, addr = srv.accept()
print("not reached")
