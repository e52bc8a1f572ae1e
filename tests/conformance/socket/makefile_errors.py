# makefile() modes: only r, w and b; unbuffered must be binary; reads on a write file fail.
import socket

a, b = socket.socketpair()
for mode in ["x", "rt", "a", "r+", "wt"]:
    try:
        a.makefile(mode)
        print(mode, "ok")
    except ValueError as e:
        print(repr(mode), type(e).__name__, e)
try:
    a.makefile("r", buffering=0)
except ValueError as e:
    print(type(e).__name__, e)
raw = a.makefile("rb", buffering=0)
print(type(raw).__name__, raw.readable(), raw.writable())
w = a.makefile("wb")
try:
    w.read()
except OSError as e:
    print(type(e).__name__, e)
r = b.makefile("r")
try:
    r.write("x")
except OSError as e:
    print(type(e).__name__, e)
r.close()
try:
    r.readline()
except ValueError as e:
    print(type(e).__name__, e)
for x in (raw, w, a, b):
    x.close()
