# from threading import ...: the names the lecture and the subset use.
from threading import Thread, Lock, Event, current_thread, active_count, main_thread

lock = Lock()
ready = Event()
out = []

def job(n):
    with lock:
        out.append(n)
    if n == 3:
        ready.set()

threads = [Thread(target=job, args=(n,)) for n in (1, 2, 3)]
for t in threads:
    t.start()
ready.wait(5)
for t in threads:
    t.join()
print(sorted(out), current_thread().name, active_count(), current_thread() is main_thread())
print(Thread.__name__, type(lock).__name__, type(ready).__name__)
