# inet_aton: dotted quad -> 4 packed bytes; inet_ntoa back.
import socket
import struct

for addr in ["127.0.0.1", "0.0.0.0", "255.255.255.255", "192.168.1.10"]:
    packed = socket.inet_aton(addr)
    print(addr, packed, len(packed), type(packed).__name__, socket.inet_ntoa(packed))
print(socket.inet_ntoa(b"\x0a\x00\x00\x01"), socket.inet_ntoa(bytearray(b"\x01\x02\x03\x04")))
print(socket.inet_aton("10.0.0.1").hex())
print(struct.unpack("!I", socket.inet_aton("127.0.0.1"))[0])
print(socket.inet_ntoa(struct.pack("!I", 3232235777)))
