# `with lock:` acquires and always releases, also when the block raises.
import threading

lock = threading.Lock()
with lock:
    print("inside:", lock.locked())
print("after:", lock.locked())
try:
    with lock:
        print("inside again:", lock.locked())
        raise KeyError("oops")
except KeyError as e:
    print("caught", repr(e), "locked:", lock.locked())
with lock as value:
    print("as value:", value)
print(lock.__enter__(), lock.locked())
print(lock.__exit__(None, None, None), lock.locked())
