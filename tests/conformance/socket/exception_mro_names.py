# The method resolution order of the socket exception classes, by name.
import socket

for cls in (socket.gaierror, socket.herror, socket.timeout, ConnectionRefusedError,
            BrokenPipeError, BlockingIOError):
    print(cls.__name__, [c.__name__ for c in cls.__mro__])
print(socket.gaierror.__module__, socket.herror.__module__, socket.timeout.__module__)
print(str(socket.gaierror), str(socket.herror))
print(repr(socket.gaierror(-8, "Servname not supported for ai_socktype")))
e = socket.gaierror(-2, "Name or service not known")
print(e.errno, e.strerror, str(e), e.args)
print(repr(socket.herror(1, "Unknown host")))
