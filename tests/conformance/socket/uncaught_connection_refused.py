# An uncaught ConnectionRefusedError: the last stderr line carries errno and message.
import socket

probe = socket.socket()
probe.bind(("127.0.0.1", 0))
port = probe.getsockname()[1]
probe.close()
s = socket.socket()
print("connecting to a closed port")
s.connect(("127.0.0.1", port))
print("not reached")
