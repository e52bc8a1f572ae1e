# Repeating an empty sequence any number of times is immediate; a huge count of a
# non-empty one is MemoryError, a count beyond an index is OverflowError (found by the
# interpreter fuzzer: `922337203685477580 * ()` ran without end).
for f in [lambda: 922337203685477580 * (), lambda: () * 10**18, lambda: [] * 10**18, lambda: "" * 10**18, lambda: b"" * 10**18, lambda: bytearray() * 10**18, lambda: 10**30 * (), lambda: (1,) * 10**18, lambda: "ab" * 10**18, lambda: [1] * 10**18, lambda: b"x" * 10**18, lambda: (1,) * 10**30]:
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
x = []
x *= 10**18
print(x)
s = ""
s *= 10**18
print(repr(s))
