# getaddrinfo() failures are socket.gaierror with a negative errno (EAI_*), or TypeError.
import socket

def attempt(label, host, port, family=0, kind=0, flags=0):
    try:
        socket.getaddrinfo(host, port, family, kind, 0, flags)
        print(label, "ok")
    except socket.gaierror as e:
        print(label, type(e).__name__, e.errno, e.strerror, "|", e)

attempt("unknown service", "localhost", "no-such-service", kind=socket.SOCK_STREAM)
attempt("unknown service, any type", "localhost", "no-such-service")
attempt("numeric host required", "localhost", 80, flags=socket.AI_NUMERICHOST)
attempt("ipv4 string as AF_INET6", "127.0.0.1", 80, family=socket.AF_INET6)
attempt("no host, no port", None, None)
attempt("bad family", "127.0.0.1", 80, family=99)
for host, port in [(127, 80), ("127.0.0.1", 1.5)]:
    try:
        socket.getaddrinfo(host, port)
    except (TypeError, OSError) as e:
        print(repr(host), repr(port), type(e).__name__, e)
try:
    socket.getaddrinfo("127.0.0.1")
except TypeError as e:
    print(type(e).__name__, e)
