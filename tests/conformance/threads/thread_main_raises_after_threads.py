# An uncaught exception in the main thread still ends the program with status 1,
# after the started non-daemon thread has finished.
import threading

finished = threading.Event()
go = threading.Event()

def worker():
    go.wait(5)
    print("worker done")
    finished.set()

t = threading.Thread(target=worker)
t.start()
print("main about to fail")
go.set()
finished.wait(5)
raise ConnectionError("main thread failed")
