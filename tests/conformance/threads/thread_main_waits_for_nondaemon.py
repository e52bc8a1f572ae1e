# When the main thread's code ends, the interpreter waits for non-daemon threads.
import threading

main_done = threading.Event()

def worker():
    main_done.wait(10)
    print("worker: finishing after the main code ended")

t = threading.Thread(target=worker)
t.start()
print("main: last line of the program")
main_done.set()
