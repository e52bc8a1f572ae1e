# threading.Barrier: parties meet, the action runs once, each gets a distinct index;
# a timeout or abort breaks it (BrokenBarrierError); reset mends it.
import threading

log = []
log_lock = threading.Lock()


def arrived():
    with log_lock:
        log.append("all here")


b = threading.Barrier(3, action=arrived)
print(b.parties, b.n_waiting, b.broken, repr(b).split(" at ")[0], repr(b).endswith("waiters=0/3>"))
indices = []


def party(name):
    i = b.wait()
    with log_lock:
        indices.append(i)


threads = [threading.Thread(target=party, args=(n,)) for n in "abc"]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(indices), log)

# Too few parties: the one waiting times out and breaks the barrier for everyone.
lonely = threading.Barrier(2, timeout=0.05)
try:
    lonely.wait()
except threading.BrokenBarrierError as e:
    print("broken:", type(e).__name__, repr(e), lonely.broken, repr(lonely).endswith(": broken>"))
try:
    lonely.wait()
except threading.BrokenBarrierError:
    print("still broken")
lonely.reset()
print("after reset:", lonely.broken)

# abort() from another thread wakes a waiter with BrokenBarrierError.
gate = threading.Barrier(2)
result = []


def waiter():
    try:
        gate.wait()
    except threading.BrokenBarrierError:
        result.append("woken by abort")


t = threading.Thread(target=waiter)
t.start()
while gate.n_waiting == 0:
    pass
gate.abort()
t.join()
print(result, gate.broken, issubclass(threading.BrokenBarrierError, RuntimeError))
try:
    threading.Barrier(0)
except ValueError as e:
    print(e)


# An action that raises breaks the barrier; the party that ran it gets the error.
def bad():
    raise KeyError("action")


boom = threading.Barrier(1, action=bad)
try:
    boom.wait()
except KeyError as e:
    print("action raised", e, boom.broken)
