import queue
from queue import Queue, LifoQueue, PriorityQueue, SimpleQueue, Empty, Full

q = Queue()
for i in range(3):
    q.put(i)
print(q.qsize(), q.empty(), q.full(), [q.get() for _ in range(3)], q.empty())
lq = LifoQueue()
for i in "abc":
    lq.put(i)
print([lq.get(), lq.get(), lq.get()])
pq = PriorityQueue()
for item in [(3, "low"), (1, "urgent"), (2, "normal"), (1, "also urgent"), (5, "x")]:
    pq.put(item)
out = []
while not pq.empty():
    out.append(pq.get_nowait())
print(out)
sq = SimpleQueue()
sq.put("a")
sq.put_nowait("b")
print(sq.qsize(), sq.get(), sq.get_nowait(), sq.empty())
small = Queue(maxsize=2)
small.put(1)
small.put_nowait(2)
print(small.full(), small.maxsize, small.qsize())
try:
    small.put_nowait(3)
except Full:
    print("Full raised", repr(Full()))
try:
    small.put(3, timeout=0.01)
except queue.Full:
    print("Full after timeout")
e = Queue()
try:
    e.get_nowait()
except Empty as exc:
    print("Empty raised", type(exc).__name__, repr(exc), issubclass(Empty, Exception))
try:
    e.get(timeout=0.01)
except queue.Empty:
    print("Empty after timeout")
try:
    e.get(block=False)
except queue.Empty:
    print("Empty without blocking")
try:
    e.get(timeout=-1)
except ValueError as exc:
    print("ValueError:", exc)
print("unfinished before", q.unfinished_tasks)
for _ in range(3):
    q.task_done()
q.put("job")
q.get()
q.task_done()
q.join()
print("joined", q.unfinished_tasks)
try:
    q.task_done()
except ValueError as exc:
    print("ValueError:", exc)
print(queue.Empty is Empty, queue.Full is Full)
SimpleQueue().get(timeout=0.01)
