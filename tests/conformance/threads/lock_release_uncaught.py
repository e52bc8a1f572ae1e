# Releasing an unlocked lock ends the program with a RuntimeError.
import threading

lock = threading.Lock()
with lock:
    print("held:", lock.locked())
print("released:", lock.locked())
print(lock.acquire(False))
lock.release()
print("releasing once more")
lock.release()
