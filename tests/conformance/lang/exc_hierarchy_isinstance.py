# The built-in exception hierarchy, checked with isinstance.
classes = [OSError, TimeoutError, ConnectionRefusedError, ConnectionResetError, BrokenPipeError,
           ConnectionAbortedError, BlockingIOError, InterruptedError, PermissionError,
           ConnectionError, TypeError, ValueError, EOFError, OverflowError, AssertionError,
           ModuleNotFoundError, NotImplementedError, RuntimeError, RecursionError, KeyError,
           IndexError, NameError, AttributeError, ZeroDivisionError, MemoryError,
           KeyboardInterrupt, SystemExit, Exception, BaseException]
bases = [BaseException, Exception, OSError, ConnectionError, RuntimeError, ValueError]
print("class", [b.__name__ for b in bases])
for cls in classes:
    e = cls()
    print(cls.__name__, [isinstance(e, b) for b in bases])
e = ConnectionRefusedError(111, "Connection refused")
print(isinstance(e, OSError), isinstance(e, ConnectionError), isinstance(e, Exception))
print(isinstance(e, (ValueError, ConnectionError)), isinstance(e, (TypeError, KeyError)))
print(isinstance(TimeoutError(), OSError), isinstance(TimeoutError(), ConnectionError))
print(isinstance(BrokenPipeError(), ConnectionError), isinstance(BlockingIOError(), ConnectionError))
print(isinstance(KeyboardInterrupt(), Exception), isinstance(SystemExit(), Exception))
print(isinstance(ModuleNotFoundError(), Exception), isinstance(RecursionError(), RuntimeError))
print(isinstance(NotImplementedError(), RuntimeError), isinstance(ZeroDivisionError(), ValueError))
try:
    raise ConnectionResetError(104, "Connection reset by peer")
except ConnectionError as e:
    print("caught as ConnectionError:", type(e).__name__, e)
try:
    raise BrokenPipeError(32, "Broken pipe")
except OSError as e:
    print("caught as OSError:", type(e).__name__, e)
try:
    raise TimeoutError("timed out")
except OSError as e:
    print("caught as OSError:", type(e).__name__, e, e.errno, e.strerror, e.args)
