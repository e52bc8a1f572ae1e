# dict views are live: they reflect later changes.
d = {"a": 1}
keys = d.keys()
values = d.values()
items = d.items()
print(keys, values, items, len(keys))
d["b"] = 2
d.pop("a")
print(keys, values, items, len(items))
print("b" in keys, ("b", 2) in items, ("b", 3) in items, 2 in values)
print(list(keys), sorted(values), [k + "!" for k in keys])
print(list(zip(d.keys(), d.values())) == list(d.items()))
d2 = {}
for k, v in [("x", 10), ("y", 20), ("x", 30)]:
    d2[k] = d2.get(k, 0) + v
print(d2, list(d2.items())[0], max(d2.values()))
print(dict(sorted(d2.items(), key=lambda kv: kv[1])))
