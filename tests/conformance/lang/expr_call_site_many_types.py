# One call site meets values of many types: each call finds its own type's method
# (socklab remembers the last type's table row per call site).
things = [[3, 1, 2], {3, 1, 2}, {"b": 1, "a": 2}, "cab", b"cab", (3, 1, 2), bytearray(b"ab")]
for x in things:
    print(type(x).__name__, x.copy() if hasattr(x, "copy") else x, len(x))
for x in things * 2:
    try:
        print(type(x).__name__, x.count(1) if not isinstance(x, (set, dict)) else x.pop())
    except (TypeError, KeyError) as e:
        print(type(x).__name__, type(e).__name__, e)
for x in [[1], {1}, {1: 2}, "a", [2], {2}]:
    try:
        x.add(5)
        print("added", sorted(x))
    except AttributeError as e:
        print(e)
# The same site, the method missing on one type and present on the next.
for x in ["a b", [1, 2], "c d"]:
    try:
        print(x.split())
    except AttributeError as e:
        print(e)
