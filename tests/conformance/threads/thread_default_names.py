# Default thread names in 3.11: "Thread-N (target name)", counting every Thread created.
import threading

def serve():
    pass

def handle_client():
    pass

class Worker(threading.Thread):
    def run(self):
        pass

a = threading.Thread(target=serve)
b = threading.Thread(target=handle_client)
c = threading.Thread()
d = threading.Thread(target=lambda: None)
e = Worker()
f = threading.Thread(target=serve, name="custom")
g = threading.Thread(target=serve)
for t in (a, b, c, d, e, f, g):
    print(repr(t.name))
for t in (a, b, c, d, e, f, g):
    t.start()
    t.join()
print(threading.current_thread().name, threading.main_thread().name)
