# A 1 TiB bytes object cannot be allocated: MemoryError, which can be caught.
try:
    big = b"x" * 2 ** 40
    print("allocated?", len(big))
except MemoryError as e:
    print(type(e).__name__, repr(e), e.args, isinstance(e, Exception))
print("still alive")
b"x" * 2 ** 40
