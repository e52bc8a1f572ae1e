# Using a socket after close() ends the program with EBADF.
import socket

s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind(("127.0.0.1", 0))
port = s.getsockname()[1]
s.close()
print("closed, fileno", s.fileno())
print("closing again is fine:", s.close())
print(repr(s))
s.sendto(b"Hello there", ("127.0.0.1", port))
print("not reached")
