# The name can be given, read inside the thread, and changed; it need not be unique.
import threading

seen = []

def report():
    seen.append(threading.current_thread().name)

t = threading.Thread(target=report, name="receiver")
print(t.name)
t.name = "renamed"
t.start()
t.join()
u = threading.Thread(target=report, name="renamed")
u.start()
u.join()
v = threading.Thread(target=report, name=42)
print(repr(v.name))
v.start()
v.join()
print(seen)
