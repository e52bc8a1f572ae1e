# inet_aton() accepts the classic BSD forms: a.b.c, a.b, a, hex and octal parts
# (the last part fills the remaining bytes), and stops at whitespace.
import socket

forms = ["127.1", "10.1.2", "1", "0", "4294967295", "0x7f.1", "0x7F000001",
         "010.0.0.1", "0177.0.0.1", "1.2.3.4 ", "1.2.3.4 junk", "10.65535", "1.2.65535"]
for addr in forms:
    packed = socket.inet_aton(addr)
    print("%-14r %-16s %s" % (addr, socket.inet_ntoa(packed), packed.hex()))
print(socket.inet_aton("127.1") == socket.inet_aton("127.0.0.1"))
