# inet_pton/inet_ntop errors: strict syntax (no 'a.b' forms), lengths, families.
import socket

for family, text in [(socket.AF_INET, "127.1"), (socket.AF_INET, "010.0.0.1"),
                     (socket.AF_INET, "256.1.1.1"), (socket.AF_INET, "1.2.3.4 "),
                     (socket.AF_INET6, "1::2::3"), (socket.AF_INET6, "gggg::1"),
                     (socket.AF_INET6, "127.0.0.1"), (socket.AF_INET6, "")]:
    try:
        socket.inet_pton(family, text)
        print(repr(text), "accepted")
    except OSError as e:
        print(family.name, repr(text), type(e).__name__, e, e.errno)
for label, call in [
    ("pton bad family", lambda: socket.inet_pton(99, "1.2.3.4")),
    ("pton AF_UNIX", lambda: socket.inet_pton(socket.AF_UNIX, "1.2.3.4")),
    ("pton bytes", lambda: socket.inet_pton(socket.AF_INET, b"1.2.3.4")),
    ("ntop short v4", lambda: socket.inet_ntop(socket.AF_INET, b"\x7f\x00\x00")),
    ("ntop short v6", lambda: socket.inet_ntop(socket.AF_INET6, b"\x00" * 4)),
    ("ntop bad family", lambda: socket.inet_ntop(99, b"\x00" * 4)),
    ("ntop str", lambda: socket.inet_ntop(socket.AF_INET, "1234")),
]:
    try:
        print(label, call())
    except (OSError, ValueError, TypeError) as e:
        print(label, type(e).__name__, e)
