# active_count(): the main thread plus every started, unfinished thread.
import threading

release = threading.Event()
ready = [threading.Event() for i in range(3)]

def waiter(n):
    ready[n].set()
    release.wait(10)

print(threading.active_count())
threads = [threading.Thread(target=waiter, args=(i,)) for i in range(3)]
print("created, not started:", threading.active_count())
for t in threads:
    t.start()
for e in ready:
    e.wait(5)
print("three waiting:", threading.active_count(), len(threading.enumerate()))
release.set()
for t in threads:
    t.join()
print("all joined:", threading.active_count())
print([t.name for t in threading.enumerate()])
