# Address family constants are IntEnum members: repr, str, format, arithmetic, comparison.
import socket

for fam in (socket.AF_INET, socket.AF_INET6, socket.AF_UNIX):
    print(repr(fam), str(fam), int(fam), fam.name, fam.value)
print(type(socket.AF_INET).__name__, isinstance(socket.AF_INET, int))
print(socket.AF_INET == 2, socket.AF_INET6 == 10, socket.AF_UNIX == 1)
print(socket.AF_INET + 1, socket.AF_INET * 3, -socket.AF_INET, socket.AF_INET6 // 3)
print(repr(socket.AF_INET + 0), type(socket.AF_INET + 0).__name__)
print("%s %d %r" % (socket.AF_INET, socket.AF_INET, socket.AF_INET))
print(f"{socket.AF_INET} {socket.AF_INET!r} {socket.AF_INET:>4} {socket.AF_INET6:03d}")
print("{} {}".format(socket.AF_INET6, socket.AF_UNIX))
print([socket.AF_INET, socket.AF_INET6])
print(socket.AddressFamily(2) is socket.AF_INET, repr(socket.AddressFamily(10)))
print(socket.AF_INET < socket.AF_INET6, sorted([socket.AF_INET6, socket.AF_UNIX, socket.AF_INET]))
d = {socket.AF_INET: "ipv4"}
print(d[2], d.get(socket.AF_INET))
