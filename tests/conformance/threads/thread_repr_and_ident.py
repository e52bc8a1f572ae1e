# repr() of a Thread before start shows its name and state; ident is None until started.
import threading

def work():
    pass

t = threading.Thread(target=work, name="worker")
d = threading.Thread(target=work, name="helper", daemon=True)
print(repr(t))
print(repr(d))
print(t.ident, t.native_id)
t.start()
t.join()
print(type(t.ident).__name__, t.ident != threading.main_thread().ident)
print(repr(t).startswith("<Thread(worker, stopped "), repr(t).endswith(")>"))
print(repr(threading.main_thread()).startswith("<_MainThread(MainThread, started "))
d.start()
d.join()
