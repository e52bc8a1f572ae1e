# OSError(errno, msg) builds the matching subclass, as the socket module's errors do.
import socket

for errno in [11, 32, 103, 104, 111, 110, 4, 13, 98, 9, 115]:
    e = OSError(errno, "message")
    print(errno, type(e).__name__, str(e))
print(type(socket.error(111, "Connection refused")).__name__)
print(repr(OSError(111, "Connection refused")))
print(repr(OSError(111)), repr(OSError()), repr(OSError("just text")))
print(OSError(111).errno, OSError("just text").errno)
e = ConnectionRefusedError(111, "Connection refused")
print(e.errno, e.strerror, e.args, e.filename)
print(str(TimeoutError("timed out")), repr(socket.timeout("timed out")))
print(str(OSError(9, "Bad file descriptor")))
