# dict methods get items keys values pop, and their views' reprs.
d = {"host": "localhost", "port": 8080}
print(d.get("host"), d.get("missing"), d.get("missing", "default"), d.get("port", 0))
print(d.keys(), d.values(), d.items())
print(list(d.keys()), list(d.values()), list(d.items()))
print(len(d.keys()), "host" in d.keys(), type(d.keys()).__name__, type(d.items()).__name__)
keys = d.keys()
d["new"] = None
print(keys)
print(d.pop("new"), d)
print(d.pop("missing", "fallback"), d.pop("missing", None))
for k, v in d.items():
    print(k, "->", v)
print(sorted(d), sorted(d.values(), key=str), max(d))
print({}.keys(), {}.items(), {}.values())
try:
    d.pop("missing")
except KeyError as e:
    print("KeyError:", e, repr(e))
print(dict(d.items()) == d)
try:
    print(d.keys()[0])
except TypeError as e:
    print("TypeError:", e)
