# Out-of-range values for the byte order helpers.
import socket

checks = [
    ("htons(65536)", lambda: socket.htons(65536)),
    ("htons(-1)", lambda: socket.htons(-1)),
    ("ntohs(70000)", lambda: socket.ntohs(70000)),
    ("ntohs(-1)", lambda: socket.ntohs(-1)),
    ("htonl(2**32)", lambda: socket.htonl(2 ** 32)),
    ("htonl(-1)", lambda: socket.htonl(-1)),
    ("ntohl(2**32)", lambda: socket.ntohl(2 ** 32)),
    ("htons(2**70)", lambda: socket.htons(2 ** 70)),
    ("htons('1')", lambda: socket.htons("1")),
    ("htonl(1.0)", lambda: socket.htonl(1.0)),
]
for label, call in checks:
    try:
        print(label, "=", call())
    except (OverflowError, TypeError) as e:
        print(label, type(e).__name__, e)
socket.htons(65536)
