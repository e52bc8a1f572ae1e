# join() before start() and join() of the current thread are RuntimeErrors.
import threading

t = threading.Thread(target=lambda: None)
try:
    t.join()
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    threading.current_thread().join()
except RuntimeError as e:
    print(type(e).__name__, e)
box = []

def join_self():
    try:
        threading.current_thread().join()
    except RuntimeError as e:
        box.append(str(e))

u = threading.Thread(target=join_self)
u.start()
u.join()
print(box)
threading.Thread(target=lambda: None).join()
