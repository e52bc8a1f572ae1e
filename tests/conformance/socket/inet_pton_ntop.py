# inet_pton/inet_ntop for IPv4 and IPv6: strict parsing, canonical IPv6 output.
import socket

print(socket.inet_pton(socket.AF_INET, "127.0.0.1"))
print(socket.inet_ntop(socket.AF_INET, b"\x7f\x00\x00\x01"))
for text in ["::1", "::", "2001:db8::1", "2001:0db8:0000:0000:0000:0000:0000:0001",
             "::ffff:127.0.0.1", "1:2:3:4:5:6:7:8", "FE80::A"]:
    packed = socket.inet_pton(socket.AF_INET6, text)
    print(repr(text), len(packed), packed.hex(), socket.inet_ntop(socket.AF_INET6, packed))
print(socket.inet_ntop(socket.AF_INET6, b"\x00\x01" + b"\x00" * 5 + b"\x01" + b"\x00" * 7 + b"\x01"))
print(socket.inet_ntop(socket.AF_INET6, bytearray(16)))
