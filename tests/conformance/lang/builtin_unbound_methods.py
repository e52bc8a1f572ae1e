# Methods reached through their type: the first argument is the value they work on.
print(repr(str.upper), repr(int.to_bytes), repr(dict.get))
for text, call in [
    ("str.upper(5)", lambda: str.upper(5)),
    ("str.upper()", lambda: str.upper()),
    ("int.to_bytes(8080, 2, 'little')", lambda: int.to_bytes(8080, 2, 'little')),
    ("int.to_bytes(True, 1, 'big')", lambda: int.to_bytes(True, 1, 'big')),
    ("list.append([], 1)", lambda: list.append([], 1)),
    ("dict.get({1: 2}, 1)", lambda: dict.get({1: 2}, 1)),
    ("bytes.hex(b'ab', ':')", lambda: bytes.hex(b'ab', ':')),
    ("str.split('a b')", lambda: str.split('a b')),
    ("str.split('a,b', sep=',')", lambda: str.split('a,b', sep=',')),
    ("set.add(frozenset(), 1)", lambda: set.add(frozenset(), 1)),
    ("str.upper('a', 'b')", lambda: str.upper('a', 'b')),
    ("str.join(', ', ['a', 'b'])", lambda: str.join(', ', ['a', 'b'])),
    ("float.hex(1.5)", lambda: float.hex(1.5)),
    ("[x.hex() for x in (0.0, -0.0, 5e-324, 1.0, 0.1, -2.5, 1e300)]", lambda: [x.hex() for x in (0.0, -0.0, 5e-324, 1.0, 0.1, -2.5, 1e300)]),
    ("bytes.decode(b'hi')", lambda: bytes.decode(b'hi')),
    ("list(map(str.strip, [' a ', 'b ']))", lambda: list(map(str.strip, [' a ', 'b ']))),
]:
    try:
        print(text, "->", repr(call()))
    except Exception as e:
        print(text, "->", type(e).__name__ + ":", e)
