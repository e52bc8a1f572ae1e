# The host must be str/bytes/bytearray and the port an int.
import socket

s = socket.socket()
cases = [(127, 0), (None, 0), (("127.0.0.1",), 0), ("127.0.0.1", "80"),
         ("127.0.0.1", 1.5), ("127.0.0.1", None)]
for addr in cases:
    try:
        s.bind(addr)
    except TypeError as e:
        print(repr(addr), "->", type(e).__name__, e)
s.bind((b"127.0.0.1", 0))
print("bytes host ok:", s.getsockname()[0])
s.close()
s = socket.socket()
s.bind(("127.0.0.1", True))
print("bool port:", s.getsockname() == ("127.0.0.1", 1) or s.getsockname()[1] == 1)
s.close()
