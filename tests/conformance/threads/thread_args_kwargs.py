# args and kwargs are passed to the target; the target's return value is discarded.
import threading

out = []

def record(a, b, sep="-", end="!"):
    out.append(str(a) + sep + str(b) + end)
    return "ignored"

threads = [
    threading.Thread(target=record, args=(1, 2)),
    threading.Thread(target=record, args=[3, 4], kwargs={"sep": "+"}),
    threading.Thread(target=record, kwargs={"a": 5, "b": 6, "end": "?"}),
    threading.Thread(target=record, args=("x",), kwargs={"b": "y"}),
]
for t in threads:
    t.start()
    t.join()
print(out)
single = threading.Thread(target=record, args=("only", "one"), kwargs=None)
single.start()
single.join()
print(out[-1], len(out))
