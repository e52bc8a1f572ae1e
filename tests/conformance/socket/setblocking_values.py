# setblocking(flag) is settimeout(None) or settimeout(0.0); the flag must be an int.
import socket

s = socket.socket()
print(s.gettimeout(), s.getblocking())
for flag in [False, True, 0, 1, 5, -1]:
    print(repr(flag), "->", s.setblocking(flag), s.gettimeout(), s.getblocking())
s.settimeout(3)
print("timeout 3 ->", s.getblocking())
for flag in [None, "yes", 2.5]:
    try:
        s.setblocking(flag)
    except TypeError as e:
        print(repr(flag), "->", type(e).__name__, e)
print("unchanged:", s.gettimeout())
s.close()
