# Threads write into their own slot of a shared list; after join() the order is fixed.
import threading

def square(results, i):
    results[i] = i * i

results = [None] * 6
threads = []
for i in range(6):
    t = threading.Thread(target=square, args=(results, i))
    threads.append(t)
    t.start()
for t in threads:
    t.join()
print(results)
print([t.is_alive() for t in threads])
print(sum(results))
