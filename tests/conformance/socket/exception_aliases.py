# socket.error and socket.timeout are aliases; the connection errors form a hierarchy.
import socket

print(socket.error is OSError, socket.timeout is TimeoutError)
print(socket.error.__name__, socket.timeout.__name__)
print(issubclass(socket.gaierror, OSError), issubclass(socket.herror, OSError))
print(issubclass(socket.timeout, OSError), issubclass(TimeoutError, socket.error))
for cls in (ConnectionRefusedError, ConnectionResetError, BrokenPipeError,
            ConnectionAbortedError):
    print(cls.__name__, issubclass(cls, ConnectionError), issubclass(cls, OSError))
for cls in (BlockingIOError, InterruptedError, PermissionError, TimeoutError):
    print(cls.__name__, issubclass(cls, ConnectionError), issubclass(cls, OSError))
print(issubclass(socket.gaierror, socket.herror), issubclass(OSError, socket.error))
try:
    raise socket.error("old style")
except OSError as e:
    print("caught as OSError:", type(e).__name__, e)
try:
    raise ConnectionRefusedError(111, "Connection refused")
except socket.error as e:
    print("caught as socket.error:", repr(e))
