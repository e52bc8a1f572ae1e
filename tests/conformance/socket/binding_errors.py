# socket functions and methods called with missing, extra and unknown arguments: the
# binding errors have CPython's words (junk never names a host but localhost).
import socket

J = object()
BINDING = ("takes", "expected", "keyword argument", "missing", "given by name", "multiple values")
functions = ["create_connection", "create_server", "getaddrinfo", "getdefaulttimeout", "getfqdn",
             "gethostbyaddr", "gethostbyname", "gethostbyname_ex", "gethostname", "getnameinfo",
             "getprotobyname", "getservbyname", "getservbyport", "htonl", "htons", "inet_aton",
             "inet_ntoa", "inet_ntop", "inet_pton", "ntohl", "ntohs", "setdefaulttimeout", "socketpair"]
methods = ["accept", "bind", "close", "connect", "connect_ex", "detach", "dup", "fileno",
           "getblocking", "getpeername", "getsockname", "getsockopt", "gettimeout", "listen",
           "makefile", "recv", "recvfrom", "send", "sendall", "sendto", "setblocking",
           "setsockopt", "settimeout", "shutdown"]


def report(what, n, call):
    try:
        result = call()
        if isinstance(result, tuple) and result and isinstance(result[0], socket.socket):
            for s in result:
                s.close()
    except TypeError as e:
        if any(w in str(e) for w in BINDING):
            print(what, n, e)
    except Exception:
        pass


for name in functions:
    f = getattr(socket, name)
    for n in (0, 5, 7):
        report(name, n, lambda: f(*[J] * n))
    report(name, "kw", lambda: f(bogus=1))
for name in methods:
    for n in (0, 1, 2, 3, 5):
        if name == "accept" and n == 0:
            continue
        s = socket.socket()
        report(name, n, lambda: getattr(s, name)(*["localhost"] * n))
        s.close()
    s = socket.socket()
    report(name, "kw", lambda: getattr(s, name)(bogus=1))
    s.close()
report("getaddrinfo", "missing", lambda: socket.getaddrinfo("localhost"))
report("getaddrinfo", "twice", lambda: socket.getaddrinfo("localhost", 80, host="x"))
report("create_connection", "twice", lambda: socket.create_connection(("localhost", 1), address=1))
with socket.socket() as s:
    report("makefile", "twice", lambda: s.makefile("r", mode="r"))
    report("makefile", "unknown", lambda: s.makefile(mode="r", mode2=1))
