# Message boundaries over TCP with a length header: struct.pack('!I', len(msg)) + msg.
import socket
import struct

def send_msg(sock, msg):
    sock.sendall(struct.pack("!I", len(msg)) + msg)

def recv_exact(sock, n):
    data = b""
    while len(data) < n:
        chunk = sock.recv(n - len(data))
        if not chunk:
            raise EOFError("connection closed after %d of %d bytes" % (len(data), n))
        data += chunk
    return data

def recv_msg(sock):
    (length,) = struct.unpack("!I", recv_exact(sock, 4))
    return recv_exact(sock, length)

a, b = socket.socketpair()
b.settimeout(5)
for msg in [b"Hi!", b"Hope you're well", b"", b"x" * 1000]:
    send_msg(a, msg)
print(struct.pack("!I", 3), struct.calcsize("!I"))
for i in range(4):
    m = recv_msg(b)
    print(len(m), m[:20])
a.sendall(struct.pack("!I", 10) + b"short")
a.close()
try:
    recv_msg(b)
except EOFError as e:
    print(type(e).__name__, e)
b.close()
