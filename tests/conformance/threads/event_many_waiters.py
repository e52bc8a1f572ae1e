# set() wakes every thread waiting on the event.
import threading

go = threading.Event()
lock = threading.Lock()
woken = []
waiting = [threading.Event() for i in range(5)]

def waiter(n):
    waiting[n].set()
    if go.wait(10):
        with lock:
            woken.append(n)

threads = [threading.Thread(target=waiter, args=(i,)) for i in range(5)]
for t in threads:
    t.start()
for w in waiting:
    w.wait(5)
print("before set:", woken)
go.set()
for t in threads:
    t.join()
print("after set:", sorted(woken))
