# inet_aton()/inet_ntoa() errors: OSError with a fixed message (no errno), or TypeError.
import socket

for addr in ["256.0.0.1", "1.2.3.4.5", "localhost", " 1.2.3.4", "1..2", "", "08.1.1.1"]:
    try:
        socket.inet_aton(addr)
        print(repr(addr), "accepted")
    except OSError as e:
        print(repr(addr), type(e).__name__, e, e.errno)
for bad in [b"1.2.3.4", 1]:
    try:
        socket.inet_aton(bad)
    except TypeError as e:
        print(type(e).__name__, e)
for packed in [b"abc", b"abcde", b""]:
    try:
        socket.inet_ntoa(packed)
    except OSError as e:
        print(len(packed), type(e).__name__, e)
try:
    socket.inet_ntoa("abcd")
except TypeError as e:
    print(type(e).__name__, e)
socket.inet_aton("300.1.1.1")
