# A thread blocked in recv() is woken by shutdown() from another thread: recv gives b''.
import socket
import threading
import time

a, b = socket.socketpair()
got = []
entering = threading.Event()

def reader():
    entering.set()
    got.append(b.recv(100))

t = threading.Thread(target=reader)
t.start()
entering.wait(5)
time.sleep(0.05)
b.shutdown(socket.SHUT_RDWR)
t.join(5)
print(got, t.is_alive())
a.close()
b.close()
