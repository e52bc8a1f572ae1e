# The traceback header names the thread by its default name; the last stderr line
# is the exception of the last failing thread.
import threading

def recv_loop(n):
    if n == 1:
        raise ConnectionResetError(104, "Connection reset by peer")
    return n

for i in range(2):
    t = threading.Thread(target=recv_loop, args=(i,))
    t.start()
    t.join()
    print(t.name, "finished")
print("done")
