# getnameinfo((host, port), flags) -> (host, service); NI_NUMERIC* flags skip the lookups.
import socket

print(socket.getnameinfo(("127.0.0.1", 80), 0))
print(socket.getnameinfo(("127.0.0.1", 80), socket.NI_NUMERICHOST | socket.NI_NUMERICSERV))
print(socket.getnameinfo(("127.0.0.1", 22), socket.NI_NUMERICHOST))
print(socket.getnameinfo(("127.0.0.1", 21), socket.NI_NUMERICSERV))
print(socket.getnameinfo(("127.0.0.1", 53), socket.NI_NUMERICHOST | socket.NI_DGRAM))
print(socket.getnameinfo(("::1", 443), socket.NI_NUMERICHOST))
print(socket.NI_NUMERICHOST, socket.NI_NUMERICSERV, type(socket.NI_NUMERICHOST).__name__)
checks = [
    ("one argument", lambda: socket.getnameinfo(("127.0.0.1", 80))),
    ("not a tuple", lambda: socket.getnameinfo("127.0.0.1", 0)),
    ("short tuple", lambda: socket.getnameinfo(("127.0.0.1",), 0)),
    ("str port", lambda: socket.getnameinfo(("127.0.0.1", "80"), 0)),
    ("name, not number", lambda: socket.getnameinfo(("localhost", 80), 0)),
]
for label, call in checks:
    try:
        print(label, call())
    except (TypeError, OSError) as e:
        print(label, type(e).__name__, e)
