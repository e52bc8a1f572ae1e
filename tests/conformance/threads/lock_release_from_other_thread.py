# A plain Lock has no owner: another thread may release it.
import threading

lock = threading.Lock()
lock.acquire()

def releaser():
    lock.release()

t = threading.Thread(target=releaser)
t.start()
t.join()
print("released by the other thread:", not lock.locked())
print(lock.acquire(timeout=1))
lock.release()
