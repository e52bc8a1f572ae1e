# join(timeout) returns None whether or not the thread finished: check is_alive().
import threading
import time

release = threading.Event()

def blocked():
    release.wait(10)

t = threading.Thread(target=blocked)
t.start()
start = time.monotonic()
r = t.join(0.1)
waited = time.monotonic() - start
print(r, t.is_alive(), waited >= 0.09, waited < 5)
print(t.join(timeout=0), t.is_alive())
release.set()
print(t.join(5), t.is_alive())
print(t.join(), t.join(0.1))
