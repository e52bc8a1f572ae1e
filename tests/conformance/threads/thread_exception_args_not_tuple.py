# args that is not iterable: the TypeError surfaces in the thread when it runs.
import threading

def show(x):
    print("got", x)

t = threading.Thread(target=show, args=5)
print("created", t.name)
t.start()
t.join()
ok = threading.Thread(target=show, args="a")
ok.start()
ok.join()
print("a str of length 1 is an iterable of one argument")
