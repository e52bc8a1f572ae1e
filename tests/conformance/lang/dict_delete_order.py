# Deleting keys leaves the rest in insertion order; a re-inserted key goes to the end.
d = {k: k * 10 for k in "abcdefgh"}
del d["c"]
del d["a"]
d["a"] = 1
d["z"] = 2
print(d)
print(list(d.keys()), list(d.values()))
print(list(reversed(d)), d.popitem(), d)

# Many deletions (the holes are squeezed out along the way) keep the order.
big = {}
for i in range(1000):
    big[i] = str(i)
for i in range(0, 1000, 3):
    del big[i]
for i in range(0, 1000, 7):
    big.pop(i, None)
for i in range(990, 1000):
    big[-i] = i
print(len(big), list(big)[:12], list(big)[-12:])
print(sum(big), next(iter(big.items())))
while len(big) > 5:
    big.popitem()
print(big)

# Emptied and refilled.
e = {1: 1, 2: 2}
del e[1]
del e[2]
e[3] = 3
e[1] = 1
print(e, e == {1: 1, 3: 3}, list(e.items()))

# setdefault keeps a key's place.
s = {"x": 1, "y": 2}
print(s.setdefault("x", 9), s.setdefault("w", 3), s)

# Deleting while iterating is still an error.
it = {1: 1, 2: 2, 3: 3}
try:
    for k in it:
        del it[k]
except RuntimeError as exc:
    print("RuntimeError:", exc)
print(it)
