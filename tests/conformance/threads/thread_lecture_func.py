# The lecture's threads slide in Python 3: Thread(target=func, args=(...)).start().
import time
from threading import Thread

def count(n, delay):
    for i in range(n):
        time.sleep(delay)
        print(i)

thread = Thread(target=count, args=(3, 0.01))  # create a new thread
thread.start()
thread.join()
print("counted in", thread.name)
