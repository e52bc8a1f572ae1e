# A server's bookkeeping: clients come and go, in a pattern fixed by a seedless LCG.
# Ints hash to themselves, so CPython's set order (and which element pop() takes) is
# deterministic; socklab must match it after every kind of change.
x = 12345
def rand(n):
    global x
    x = (x * 1103515245 + 12345) % 2**31
    return x % n

clients = set()
conns = {}
popped = []
for step in range(3000):
    r = rand(100)
    v = rand(500) - 50
    if r < 40:
        clients.add(v)
        conns[v] = step
    elif r < 60:
        clients.discard(v)
        conns.pop(v, None)
    elif r < 72:
        popped.append(clients.pop() if clients else None)
    elif r < 75 and conns:
        del conns[next(iter(conns))]
    elif r < 77:
        clients = set(clients) if r == 75 else clients.copy()
    elif r < 78:
        clients.clear()
    if step % 500 == 499:
        print(clients)
        print(list(conns)[:20], len(conns))
print(popped[:60])
print({5, 1, 3}.pop(), {-1, -2, 7, 8, 16, 24}, {2**61 + 5, 5, 70})
