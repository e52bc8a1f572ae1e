# Deletions leave holes; an insertion that finds the entries full squeezes them out.
# Order, values, replacing values while iterating, popitem and a live iterator must
# not notice when that happens.
d = {}
for i in range(1000):
    d[i] = i
for i in range(0, 1000, 3):
    del d[i]
for i in range(900):
    d.pop(i, None)
print(list(d)[:5], len(d))
for i in range(5000, 5100):
    d[i] = -i
for k in d:
    d[k] = 0
print(list(d)[:5], list(d)[-3:], len(d), sum(d.values()))
e = {str(i): i for i in range(300)}
for i in range(290):
    del e[str(i)]
for i in range(40):
    e["n" + str(i)] = i
print(list(e.items())[:12], len(e))
while e:
    e.popitem()
print(e)
f = dict.fromkeys(range(100))
it = iter(f)
next(it)
for i in range(60):
    del f[i]
try:
    next(it)
except RuntimeError as x:
    print(x)
