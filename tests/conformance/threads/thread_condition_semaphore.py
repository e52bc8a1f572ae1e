# threading.Condition (producer/consumer) and Semaphore/BoundedSemaphore.
import threading

items = []
cond = threading.Condition()
def consumer(out):
    with cond:
        cond.wait_for(lambda: len(items) >= 3)
        out.append(list(items))
got = []
t = threading.Thread(target=consumer, args=(got,))
t.start()
for i in range(3):
    with cond:
        items.append(i)
        cond.notify_all()
t.join()
print(got)
with cond:
    print(cond.wait(0.01))
sem = threading.Semaphore(2)
print(sem.acquire(), sem.acquire(), sem.acquire(blocking=False))
sem.release()
print(sem.acquire(timeout=0.01))
b = threading.BoundedSemaphore(1)
b.acquire()
b.release()
try:
    b.release()
except ValueError as e:
    print(type(e).__name__, e)
try:
    threading.Condition().notify()
except RuntimeError as e:
    print(type(e).__name__, e)
with threading.Semaphore(1):
    print("inside")
