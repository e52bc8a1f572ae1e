# A daemon thread still blocked when the main code ends does not keep the program alive.
import threading

never = threading.Event()
started = threading.Event()

def forever():
    print("daemon: waiting for an event that never comes")
    started.set()
    never.wait()
    print("not reached")

t = threading.Thread(target=forever, daemon=True)
t.start()
started.wait(5)
print("main: done; daemon alive:", t.is_alive(), t.daemon)
