# Sets of ints under churn: add, discard, remove, pop and `in`, with keys that collide
# in CPython's table (multiples of 1024, negatives, 1.0 and True beside 1), printed in
# CPython's order at each step.
x = 12345


def rand(n):
    global x
    x = (x * 1103515245 + 12345) % 2147483648
    return x % n


s = set()
log = []
for step in range(6000):
    op = rand(10)
    k = rand(300) * (1024 if rand(4) == 0 else 1) - 50
    if rand(50) == 0:
        k = [1.0, True, 1, 0.0, False][rand(5)]
    if op < 4:
        s.add(k)
    elif op < 6:
        s.discard(k)
    elif op < 7:
        try:
            s.remove(k)
        except KeyError as e:
            log.append(("KeyError", e.args[0]))
    elif op < 8 and s:
        log.append(("pop", s.pop()))
    else:
        log.append((k in s, len(s)))
    if step % 500 == 0:
        print(step, len(s), list(s)[:12])
print(len(log), log[:10], log[-10:])
print(sorted(s)[:20], len(s))
print(s == set(list(s)), {1, 2, 3} - {2}, s.issuperset(set()))
