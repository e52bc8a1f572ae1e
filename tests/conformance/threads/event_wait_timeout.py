# Event.wait(timeout) returns False when the timeout expires first.
import threading
import time

e = threading.Event()
start = time.monotonic()
r = e.wait(0.1)
waited = time.monotonic() - start
print(r, type(r).__name__, waited >= 0.09, waited < 5)
print(e.wait(timeout=0), e.wait(0.0))
print(e.wait(-1))
e.set()
print(e.wait(0.1), e.wait(None))
