# Repetition counts that do not fit a machine size.
try:
    b"x" * 2 ** 70
except OverflowError as e:
    print("OverflowError:", e)
except MemoryError as e:
    print("MemoryError", e)
try:
    "ab" * 2 ** 63
except OverflowError as e:
    print("OverflowError:", e)
except MemoryError as e:
    print("MemoryError", e)
try:
    [0] * 2 ** 62
except OverflowError as e:
    print("OverflowError:", e)
except MemoryError as e:
    print("MemoryError", repr(e))
print("done")
