# One thread signals another with an Event; the waiter sees the data written before set().
import threading

ready = threading.Event()
box = {}

def producer():
    box["value"] = "produced in " + threading.current_thread().name
    ready.set()

t = threading.Thread(target=producer, name="producer")
print("waiting:", ready.is_set())
t.start()
print("woke:", ready.wait(5))
print(box["value"])
t.join()

done = threading.Event()
results = []

def consumer():
    if done.wait(5):
        results.append("consumer saw the event")

c = threading.Thread(target=consumer)
c.start()
done.set()
c.join()
print(results)
