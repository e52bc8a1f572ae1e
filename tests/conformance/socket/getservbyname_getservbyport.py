# The services database: names to ports and back, with the optional protocol.
import socket

print(socket.getservbyname("http", "tcp"), socket.getservbyname("http"))
print(socket.getservbyname("ftp"), socket.getservbyname("ssh", "tcp"))
print(socket.getservbyname("domain", "udp"), socket.getservbyname("smtp"))
print(socket.getservbyport(21), socket.getservbyport(443, "tcp"))
print(socket.getservbyport(80), socket.getservbyport(53, "udp"), socket.getservbyport(22))
for label, call in [
    ("unknown name", lambda: socket.getservbyname("no-such-service")),
    ("unknown proto", lambda: socket.getservbyname("http", "xyz")),
    ("unused port", lambda: socket.getservbyport(80, "udp")),
    ("port too big", lambda: socket.getservbyport(70000)),
    ("negative port", lambda: socket.getservbyport(-1)),
    ("int name", lambda: socket.getservbyname(80)),
    ("str port", lambda: socket.getservbyport("80")),
]:
    try:
        print(label, call())
    except (OSError, OverflowError, TypeError) as e:
        print(label, type(e).__name__, repr(e))
