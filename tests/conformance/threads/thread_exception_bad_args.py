# Wrong arguments for the target fail inside the new thread, not at start().
import threading

def needs_two(a, b):
    print("never", a, b)

t = threading.Thread(target=needs_two, args=(1,))
print("start() returns:", t.start())
t.join()
print("main thread fine")
