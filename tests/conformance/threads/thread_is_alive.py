# is_alive(): False before start, True while running (here: blocked on an Event),
# False after the thread returns.
import threading

go = threading.Event()
started = threading.Event()

def worker():
    started.set()
    go.wait(5)

t = threading.Thread(target=worker)
print("before start:", t.is_alive())
t.start()
started.wait(5)
print("while blocked:", t.is_alive())
go.set()
t.join()
print("after join:", t.is_alive())
