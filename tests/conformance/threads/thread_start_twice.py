# A thread can only be started once.
import threading

count = []
t = threading.Thread(target=count.append, args=(1,))
t.start()
t.join()
try:
    t.start()
except RuntimeError as e:
    print(type(e).__name__, e)
print(count)
t.start()
print("not reached")
