# A held lock blocks another thread's acquire() until the holder releases it.
import threading

lock = threading.Lock()
log = []
log_lock = threading.Lock()
trying = threading.Event()

def contender():
    trying.set()
    got = lock.acquire(timeout=10)
    with log_lock:
        log.append("contender got it: %s" % got)
    lock.release()

lock.acquire()
t = threading.Thread(target=contender)
t.start()
trying.wait(5)
t.join(0.1)
with log_lock:
    log.append("main still holds it, contender alive: %s" % t.is_alive())
lock.release()
t.join(5)
for line in log:
    print(line)
print(lock.locked())
