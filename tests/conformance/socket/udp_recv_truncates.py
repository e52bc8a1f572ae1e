# recv(n) on UDP returns at most n bytes of ONE datagram; the rest of it is discarded.
import socket

rx = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
rx.bind(("127.0.0.1", 0))
rx.settimeout(5)
tx = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
tx.sendto(b"0123456789", rx.getsockname())
tx.sendto(b"abcdefghij", rx.getsockname())
print(rx.recv(4))
print(rx.recvfrom(3)[0])
tx.sendto(b"x" * 3000, rx.getsockname())
print(len(rx.recv(8192)))
rx.settimeout(0.05)
try:
    rx.recv(10)
except TimeoutError as e:
    print("nothing left:", e)
tx.close()
rx.close()
