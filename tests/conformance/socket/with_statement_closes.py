# `with socket(...) as s:` gives the socket itself and closes it on exit, also on errors.
import socket
from socket import socket as Socket, AF_INET, SOCK_DGRAM

with socket.socket() as s:
    print(type(s).__name__, s.fileno() > 0)
    s.bind(("127.0.0.1", 0))
print("after with:", s.fileno())
t = socket.socket(AF_INET, SOCK_DGRAM)
with t as inner:
    print(inner is t)
print(t.fileno())
try:
    with Socket(AF_INET, SOCK_DGRAM) as u:
        u.bind(("127.0.0.1", 0))
        raise ValueError("inside with")
except ValueError as e:
    print("caught", e, "fileno", u.fileno())
with socket.socket() as v:
    v.close()
print("closed twice is fine", v.fileno())
r = socket.socket().__enter__()
print(type(r).__name__)
r.__exit__(None, None, None)
print(r.fileno())
