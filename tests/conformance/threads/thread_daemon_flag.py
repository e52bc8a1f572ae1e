# daemon: False by default, set by the keyword or attribute before start, inherited
# from the creating thread; changing it on a started thread is a RuntimeError.
import threading

made = {}

def maker():
    made["child"] = threading.Thread(target=lambda: None)

a = threading.Thread(target=maker)
b = threading.Thread(target=maker, daemon=True)
print(a.daemon, b.daemon)
for t in (a, b):
    t.start()
    t.join()
    print("created inside:", made["child"].daemon)
c = threading.Thread(target=lambda: None)
c.daemon = True
print(c.daemon)
c.start()
c.join()
try:
    c.daemon = False
except RuntimeError as e:
    print(type(e).__name__, e)
print(threading.Thread(target=lambda: None, daemon=None).daemon)
