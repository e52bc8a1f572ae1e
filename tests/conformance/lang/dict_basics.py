# dict literal, insertion order, update by assignment, repr, equality, KeyError.
d = {"b": 1, "a": 2}
d["c"] = 3
d["b"] = 10
print(d, len(d))
print({}, {1: "one", 2.5: [1], (1, 2): {"inner": None}, None: True, b"k": b"v"})
print({"it's": 'say "x"'}, {"\n": "\t"})
print(dict(), dict(a=1, b=2), dict([("x", 1), ("y", 2)]), dict({"z": 0}), dict([["p", 1]]))
print(dict(zip(["k1", "k2"], [1, 2])), dict([("dup", 1), ("dup", 2)]))
print({"a": 1} == {"a": 1.0}, {"a": 1, "b": 2} == {"b": 2, "a": 1}, {} == dict())
e = {}
e[2] = "two"
e[1] = "one"
e[3] = "three"
print(e, list(e))
e.pop(1)
e[1] = "one again"
print(e)
nested = {"server": {"addr": ("0.0.0.0", 80), "clients": [("1.2.3.4", 5555)]}}
print(nested["server"]["clients"][0][1])
print(nested)
counts = {}
for word in "the cat and the hat and the bat".split():
    counts[word] = counts.get(word, 0) + 1
print(counts)
print(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
loop = {}
loop["self"] = loop
print(loop)
try:
    print(d["zzz"])
except KeyError as e:
    print("KeyError:", e)
    print(repr(e), e.args)
try:
    print({}[("a", 1)])
except KeyError as e:
    print("KeyError:", e)
try:
    d[[1]] = 2
except TypeError as e:
    print("TypeError:", e)
try:
    {"a": 1} + {"b": 2}
except TypeError as e:
    print("TypeError:", e)
print(d["missing"])
