# UDP keeps message boundaries: three sendto() calls, three recvfrom() results.
import socket

rx = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
rx.bind(("127.0.0.1", 0))
rx.settimeout(5)
tx = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
tx.bind(("127.0.0.1", 0))
for msg in [b"one", b"two two", b""]:
    print("sent", tx.sendto(msg, rx.getsockname()))
for i in range(3):
    data, addr = rx.recvfrom(1024)
    print(repr(data), type(addr).__name__, addr == tx.getsockname(), addr[0])
tx.sendto(b"reply?", rx.getsockname())
data, addr = rx.recvfrom(1024)
print(rx.sendto(data.upper(), addr))
print(tx.recvfrom(1024)[0])
tx.sendto(b"flags", 0, rx.getsockname())
print(rx.recv(1024))
tx.close()
rx.close()
