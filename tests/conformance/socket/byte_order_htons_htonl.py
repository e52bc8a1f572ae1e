# htons/htonl/ntohs/ntohl swap byte order on a little-endian host (x86, ARM).
import socket
import struct

print(socket.htons(1), socket.htonl(1), socket.ntohs(256), socket.ntohl(16777216))
print(hex(socket.htons(0x1234)), hex(socket.htonl(0x12345678)))
print(socket.htons(80), socket.ntohs(socket.htons(80)), socket.ntohl(socket.htonl(40000)))
print(socket.htons(0), socket.htonl(0), socket.htons(65535), socket.htonl(4294967295))
print(socket.htons(True), type(socket.htons(1)).__name__)
print(struct.unpack("=H", struct.pack("!H", 8080))[0] == socket.htons(8080))
print(struct.unpack("=I", struct.pack("!I", 3232235777))[0] == socket.htonl(3232235777))
