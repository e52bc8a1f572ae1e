# 4 threads x 20000 increments under a lock: the total is exact.
import threading

counter = 0
lock = threading.Lock()

def add(n):
    global counter
    for i in range(n):
        with lock:
            counter += 1

threads = [threading.Thread(target=add, args=(20000,)) for i in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(counter)
print(counter == 4 * 20000, lock.locked())
