# On a closed socket settimeout()/setblocking() raise EBADF -- but only after storing
# the new timeout, so gettimeout()/getblocking() (which never fail) show it.
import socket

s = socket.socket()
s.close()
print(s.gettimeout(), s.getblocking())
try:
    s.settimeout(2.5)
except OSError as e:
    print("settimeout:", type(e).__name__, e)
print(s.gettimeout(), s.getblocking())
try:
    s.setblocking(False)
except OSError as e:
    print("setblocking:", type(e).__name__, e)
print(s.gettimeout(), s.getblocking())
try:
    s.setblocking(True)
except OSError as e:
    print("setblocking:", type(e).__name__, e)
print(s.gettimeout(), s.getblocking())
