import json
from collections import defaultdict, OrderedDict

groups = defaultdict(list)
for port, service in [(80, "http"), (443, "https"), (80, "www"), (22, "ssh")]:
    groups[port].append(service)
print(groups)
print(groups[80], groups[8080], len(groups), dict(groups))
counts = defaultdict(int)
for ch in "abca":
    counts[ch] += 1
print(counts, counts["z"], counts.get("q"), "q" in counts)
print(isinstance(counts, dict), type(counts).__name__, counts.default_factory)
print(json.dumps(counts, sort_keys=True), sorted(counts.items()))
plain = defaultdict(None, {"a": 1})
print(plain)
nested = defaultdict(lambda: defaultdict(int))
nested["x"]["y"] += 2
print(dict(nested["x"]))
print(defaultdict(int, a=1) == {"a": 1})

od = OrderedDict()
od["b"] = 1
od["a"] = 2
od["c"] = 3
print(od, list(od), od["a"], len(od))
od.move_to_end("b")
print(list(od.keys()))
od.move_to_end("b", last=False)
print(list(od.items()))
print(od.popitem(), od.popitem(last=False), od)
print(OrderedDict(), OrderedDict([("x", 1), ("y", 2)]) == {"y": 2, "x": 1})
print(OrderedDict(a=1, b=2) == OrderedDict(b=2, a=1), isinstance(od, dict))
print(json.dumps(OrderedDict([("z", 1), ("a", 2)])))
od2 = OrderedDict.fromkeys if False else OrderedDict(a=1)
od2.update({"b": 2})
print(od2, od2.get("b"), od2.pop("a"), od2, od2.setdefault("c", 3), od2)


def attempt(f):
    try:
        f()
    except (KeyError, TypeError) as e:
        print(type(e).__name__ + ":", e)


attempt(lambda: plain["missing"])
attempt(lambda: OrderedDict().popitem())
attempt(lambda: OrderedDict(a=1).move_to_end("zz"))
attempt(lambda: defaultdict(5))
od["nope"]
