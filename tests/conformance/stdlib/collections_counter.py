from collections import Counter

words = "the quick brown fox jumps over the lazy dog the end".split()
c = Counter(words)
print(c)
print(c["the"], c["missing"], len(c), "fox" in c, "cat" in c)
print(c.most_common(2), c.most_common()[-1])
c.update(["fox", "fox"])
c.update({"dog": 3})
print(c["fox"], c["dog"])
c.subtract(["the", "the", "the"])
print(c["the"], c)
print(sorted(Counter("abracadabra").elements()))
print(Counter(a=3, b=1) + Counter(a=1, c=2))
print(Counter(a=3, b=1) - Counter(a=1, b=5))
print(Counter(a=3, b=1) | Counter(a=1, b=5), Counter(a=3, b=1) & Counter(a=1, b=5))
print(Counter("hello").total(), Counter(), isinstance(c, dict), type(c).__name__)
d = Counter()
for ch in "mississippi":
    d[ch] += 1
print(d, dict(d), sorted(d.items()), list(d.keys()))
del d["m"]
del d["zzz"]
print(d, d == Counter("ississippi"), d == {"i": 4, "s": 4, "p": 2})
print(Counter({"x": 1, "y": 3}).most_common(1))
