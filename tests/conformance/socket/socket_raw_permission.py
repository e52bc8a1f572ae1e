# SOCK_RAW needs privileges: print the same line whether or not it is allowed.
import socket

try:
    r = socket.socket(socket.AF_INET, socket.SOCK_RAW, socket.IPPROTO_TCP)
    kind = r.type
    r.close()
    print("raw socket attempted:", repr(kind) if kind else "?")
except PermissionError as e:
    print("raw socket attempted:", repr(socket.SOCK_RAW))
print(socket.SOCK_RAW, repr(socket.SOCK_RAW), int(socket.SOCK_RAW))
print(issubclass(PermissionError, OSError))
