def mk(n):
    l = []
    for _ in range(n):
        l = [l]
    return l
for n in (996, 997, 998, 5000, 100000):
    try:
        print(n, len(repr(mk(n))))
    except RecursionError as e:
        print(n, e)
def g(k, n):
    if k:
        return g(k - 1, n)
    return repr(mk(n))
for k in (0, 10, 100):
    for n in range(1000 - k - 5, 1000 - k + 2):
        try:
            g(k, n)
        except RecursionError as e:
            print(k, n, "first to fail:", e)
            break
t = ()
for _ in range(2000):
    t = (t,)
d = {}
for _ in range(2000):
    d = {1: d}
for x in (t, d):
    try:
        str(x)
    except RecursionError as e:
        print(type(x).__name__, e)
l = mk(900)
print(str(l) == repr(l), f"{l}" == repr(l))
