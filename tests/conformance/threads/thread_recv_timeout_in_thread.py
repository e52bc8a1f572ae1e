# A socket timeout raised in a worker thread can be caught there and reported back.
import socket
import threading

a, b = socket.socketpair()
outcome = []
timed_out = threading.Event()

def reader():
    b.settimeout(0.1)
    try:
        b.recv(100)
        outcome.append("data?")
    except TimeoutError as e:
        outcome.append("%s: %s" % (type(e).__name__, e))
    timed_out.set()
    b.settimeout(5)
    outcome.append(b.recv(100))

t = threading.Thread(target=reader)
t.start()
print("reader timed out:", timed_out.wait(5))
a.sendall(b"finally some data")
t.join(5)
print(outcome)
a.close()
b.close()
