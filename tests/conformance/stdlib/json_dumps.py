import json

print(json.dumps({"a": 1, "b": [1, 2.5, None, True, False], "c": "hi"}))
print(json.dumps([1, 2, 3], separators=(",", ":")))
print(json.dumps({"b": 1, "a": 2, "c": {"z": 1, "y": 2}}, sort_keys=True))
print(json.dumps({"a": [1, 2, {"x": []}], "e": {}}, indent=2))
print(json.dumps([1, [2, 3]], indent="\t"))
print(json.dumps({"k": "v"}, indent=0))
print(json.dumps("h\u00e9llo \u2603 \U0001f600"))
print(json.dumps("h\u00e9llo \u2603 \U0001f600", ensure_ascii=False))
print(json.dumps("quote\" back\\ nl\n tab\t cr\r bs\b ff\f nul\x00 del\x7f"))
print(json.dumps([1.0, 0.1, 1e16, 1e-7, -0.0, 3.141592653589793, 2**70]))
print(json.dumps([float("nan"), float("inf"), -float("inf")]))
print(json.dumps({1: "int", 2.5: "float", True: "t", False: "f", None: "n"}))
print(json.dumps((1, "two")))
print(json.dumps({"x": (1, 2)}, separators=(",", ":")))
print(json.dumps({(1, 2): "skip", "keep": 1}, skipkeys=True))
print(json.dumps(b"raw".decode()))


def default(o):
    if isinstance(o, bytes):
        return o.hex()
    raise TypeError("no")


print(json.dumps({"data": b"\x01\xff"}, default=default))
print(json.dumps([], indent=4), json.dumps({}, indent=4))
s = json.dumps({"nested": {"list": [1, {"deep": True}]}}, indent=4, sort_keys=True)
print(s)
print(repr(json.dumps(None)), repr(json.dumps(12)), repr(json.dumps("")))

for bad in [b"bytes", {1, 2}, object]:
    try:
        json.dumps(bad)
    except TypeError as e:
        print("TypeError:", e)
try:
    json.dumps({(1, 2): 3})
except TypeError as e:
    print("TypeError:", e)
try:
    json.dumps([float("nan")], allow_nan=False)
except ValueError as e:
    print("ValueError:", e)
loop = []
loop.append(loop)
try:
    json.dumps(loop)
except ValueError as e:
    print("ValueError:", e)
try:
    json.dumps({"b": 1, 2: 3}, sort_keys=True)
except TypeError as e:
    print("TypeError:", e)
json.dumps({"payload": b"\x00"})
