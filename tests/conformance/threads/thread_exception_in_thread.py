# An exception in a thread prints "Exception in thread NAME:" and a traceback on
# stderr; the thread dies, the main thread carries on, and the exit status stays 0.
import threading

def failing():
    print("worker starting")
    raise ValueError("boom in the worker")

t = threading.Thread(target=failing, name="failer")
t.start()
t.join()
print("main continues, worker alive:", t.is_alive())
print("exit status will be 0")
