# sys.exit() in a thread ends only that thread, silently; the program goes on.
import sys
import threading

def quitter():
    print("worker calling sys.exit(3)")
    sys.exit(3)
    print("not reached")

t = threading.Thread(target=quitter)
t.start()
t.join()
print("main still running, worker alive:", t.is_alive())
sys.exit(0)
