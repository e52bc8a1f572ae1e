# dir() of every built-in value and type lists exactly what works: CPython's public
# names, each of which getattr finds.
samples = [
    "", b"", bytearray(), [], (), {}, set(), frozenset(), 7, 2.5, True,
    range(3), slice(1, 2),
]
for v in samples:
    names = [n for n in dir(v) if not n.startswith("_")]
    print(type(v).__name__, names)
    for n in names:
        getattr(v, n)
for t in [str, bytes, bytearray, list, tuple, dict, set, frozenset]:
    names = [n for n in dir(t) if not n.startswith("_")]
    print(t.__name__, len(names), all(hasattr(t, n) for n in names))
print(hasattr(frozenset(), "add"), hasattr(bytearray(), "insert"), hasattr(b"", "insert"))
print(hasattr(7, "real"), hasattr(7, "from_bytes"), hasattr("", "maketrans"))
