# select() timeouts: 0.1 s with nothing ready returns three empty lists after waiting;
# int timeouts and None (with something ready) work too.
import select
import socket
import time

a, b = socket.socketpair()
start = time.monotonic()
result = select.select([a], [], [], 0.1)
elapsed = time.monotonic() - start
print(result, elapsed >= 0.09, elapsed < 5)
print(select.select([a], [], [], 0))
print(select.select([], [b], [], None)[1] == [b])
b.sendall(b"!")
print(select.select([a], [], [], 1)[0] == [a])
print(select.select([a], [], [], True)[0] == [a])
a.close()
b.close()
