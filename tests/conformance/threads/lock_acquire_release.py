# Lock basics: acquire() returns True, locked(), non-blocking acquire fails when held.
import threading

lock = threading.Lock()
print(type(lock).__name__, lock.locked())
print(lock.acquire(), lock.locked())
print(lock.acquire(False), lock.acquire(blocking=False))
print(lock.release(), lock.locked())
print(lock.acquire(blocking=False), lock.locked())
lock.release()
try:
    lock.release()
except RuntimeError as e:
    print(type(e).__name__, e)
other = threading.Lock()
print(other is not lock, other.locked())
