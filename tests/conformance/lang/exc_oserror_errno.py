# OSError with (errno, strerror) maps to the matching subclass, as CPython does.
e = OSError(111, "Connection refused")
print(type(e).__name__, repr(e), str(e), e.errno, e.strerror, e.args)
print(isinstance(e, ConnectionRefusedError), isinstance(e, ConnectionError), isinstance(e, OSError))
e = OSError(98, "Address already in use")
print(type(e).__name__, repr(e), str(e), e.errno, e.strerror, e.args)
for code, msg in [(32, "Broken pipe"), (104, "Connection reset by peer"), (103, "Software caused connection abort"),
                  (11, "Resource temporarily unavailable"), (115, "Operation now in progress"),
                  (4, "Interrupted system call"), (13, "Permission denied"), (1, "Operation not permitted"),
                  (110, "Connection timed out"), (99, "Cannot assign requested address"),
                  (9, "Bad file descriptor"), (22, "Invalid argument")]:
    err = OSError(code, msg)
    print(code, type(err).__name__, repr(err), "|", err)
e = ConnectionRefusedError(111, "Connection refused")
print(repr(e), str(e), e.errno, e.strerror)
e = ConnectionRefusedError()
print(repr(e), repr(str(e)), e.errno, e.strerror, e.args)
e = OSError("just a message")
print(repr(e), str(e), e.errno, e.strerror, e.args)
e = OSError()
print(repr(e), repr(str(e)), e.errno, e.args)
e = OSError(111)
print(type(e).__name__, repr(e), str(e), e.errno, e.args)
e = BrokenPipeError(104, "mismatched")
print(type(e).__name__, repr(e), str(e))
e = TimeoutError("timed out")
print(repr(e), str(e), e.errno, e.strerror)
e = TimeoutError(110, "Connection timed out")
print(repr(e), str(e), e.errno, e.strerror)
raise OSError(111, "Connection refused")
