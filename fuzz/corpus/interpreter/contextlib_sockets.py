# contextlib: a @contextmanager listening socket, closing, suppress, nullcontext, ExitStack of sockets.
import socket
from contextlib import contextmanager, closing, suppress, nullcontext, ExitStack

@contextmanager
def listening(backlog=1):
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    s.listen(backlog)
    print("open")
    try:
        yield s
    finally:
        s.close()
        print("closed", s.fileno())

with listening() as srv:
    print("port ok", srv.getsockname()[1] > 0)
try:
    with listening() as srv:
        raise ValueError("inside")
except ValueError as e:
    print("propagated", e)

@contextmanager
def swallow():
    try:
        yield
    except KeyError:
        print("swallowed")

with swallow():
    {}["x"]
print("after")
with closing(socket.socket()) as s:
    print(s.fileno() >= 0)
print(s.fileno())
with suppress(ConnectionRefusedError, FileNotFoundError):
    raise ConnectionRefusedError("nope")
print("suppressed")
with nullcontext(5) as n:
    print(n)
with ExitStack() as stack:
    socks = [stack.enter_context(socket.socket()) for _ in range(3)]
    stack.callback(print, "callback ran")
    print(len(socks), all(x.fileno() >= 0 for x in socks))
print([x.fileno() for x in socks])

@contextmanager
def noyield():
    if False:
        yield
try:
    with noyield():
        pass
except RuntimeError as e:
    print(e)
