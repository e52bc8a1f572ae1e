# acquire(timeout=...) gives up and returns False; invalid combinations are ValueErrors.
import threading
import time

lock = threading.Lock()
lock.acquire()
start = time.monotonic()
r = lock.acquire(timeout=0.1)
waited = time.monotonic() - start
print(r, waited >= 0.09, waited < 5)
print(lock.acquire(True, 0.01), lock.acquire(timeout=0))
try:
    lock.acquire(False, 1)
except ValueError as e:
    print(type(e).__name__, e)
try:
    lock.acquire(timeout=-2)
except ValueError as e:
    print(type(e).__name__, e)
print(lock.locked())
lock.release()
print(lock.acquire(timeout=-1), lock.locked())
lock.release()
print(lock.acquire(True, 0.5), lock.locked())
lock.release()
