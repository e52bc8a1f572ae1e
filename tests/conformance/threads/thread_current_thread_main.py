# current_thread() in the main thread is the MainThread object; in a worker, the worker.
import threading

box = {}

def worker():
    me = threading.current_thread()
    box["same"] = me is t
    box["name"] = me.name
    box["main?"] = me is threading.main_thread()

main = threading.current_thread()
print(main.name, type(main).__name__, main is threading.main_thread())
print(main.is_alive(), main.daemon)
t = threading.Thread(target=worker, name="w")
t.start()
t.join()
print(box["same"], box["name"], box["main?"])
print(threading.current_thread() is main)
