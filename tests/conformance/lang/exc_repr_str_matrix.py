# repr(), str() and .args of exception instances with 0, 1 and several arguments.
excs = [
    Exception(), Exception("msg"), Exception("it's"), Exception('say "x"'), Exception(1, 2),
    ValueError(""), ValueError("bad", 42), TypeError(None), KeyError("k"), KeyError(), KeyError(("a", 1)),
    KeyError("a", "b"), KeyError(0), IndexError("list index out of range"), NameError("name 'x' is not defined"),
    AttributeError("no attr"), ZeroDivisionError("division by zero"), RuntimeError(["list arg"]),
    OverflowError(3.5), EOFError(), AssertionError("x" * 3), NotImplementedError(), ModuleNotFoundError("No module named 'x'"),
    KeyboardInterrupt(), SystemExit(2), SystemExit("bye"), BaseException("base"),
    OSError(98, "Address already in use"), OSError("plain"), ConnectionRefusedError(111, "Connection refused"),
    ConnectionResetError(104, "Connection reset by peer"), BrokenPipeError(32, "Broken pipe"),
    ConnectionAbortedError(103, "Software caused connection abort"), BlockingIOError(11, "Resource temporarily unavailable"),
    InterruptedError(4, "Interrupted system call"), PermissionError(13, "Permission denied"),
    TimeoutError("timed out"), ConnectionError("generic"),
]
for e in excs:
    print(type(e).__name__, "|", repr(e), "|", str(e), "|", e.args)
print([ValueError("in list")], (KeyError("k"),), {"e": OSError(98, "x")})
print(f"{ValueError('f')} {ValueError('f')!r} {KeyError('f')}")
print("%s / %r" % (KeyError("pct"), KeyError("pct")))
err = OSError(111, "Connection refused")
print(err.errno, err.strerror, err.args, repr(err))
