# Thread(target=...).start() runs the function in a new thread; join() waits for it.
import threading

results = []

def worker():
    results.append("worker ran in " + threading.current_thread().name)

t = threading.Thread(target=worker)
print("before start:", results, t.is_alive())
print(t.start())
print(t.join())
print("after join:", results, t.is_alive())
print(type(t).__name__, isinstance(t, threading.Thread))
print(threading.current_thread().name)
