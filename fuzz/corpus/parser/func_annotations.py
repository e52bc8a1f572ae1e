# Annotations: evaluated where a function is defined, kept in __annotations__; module and class names annotated with a value or without.
def f(x: int, y: "str" = "a") -> list:
    z: int = 5
    return [x, y, z]
print(f(1), f.__annotations__)
v: float = 2.5
import socket
def handle(conn: socket.socket, addr: tuple, *rest: bytes, timeout: float = 2.0, **kw: int) -> None:
    return None
print(handle.__annotations__)
print((lambda x: x).__annotations__)
class Server:
    port: int = 8080
    def serve(self, backlog: int = 5) -> "Server":
        return self
    def __init__(self, host: str = "127.0.0.1"):
        self.host: str = host
print(Server.serve.__annotations__, Server.port, Server().host)
def g(x: "a" + "b") -> 1 + 2: pass
print(g.__annotations__)
lam = lambda x, y=1: x + y
print(lam(1))
def h(a, /, b: int, *, c: int = 3): return a + b + c
print(h(1, 2), h.__annotations__)
v: float = 2.5
w: "later"
print(__annotations__, Server.__annotations__)
def inner():
    z: Undefined = 1
    return z
print(inner())
class Point:
    x: int
    y: int = 0
print(Point.__annotations__, hasattr(Point, "x"), Point.y)
print(__annotations__)
