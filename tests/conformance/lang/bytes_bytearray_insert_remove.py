# bytearray.insert, remove and pop(index), which dir(bytearray) lists.
b = bytearray(b"abc")
b.insert(-100, 65)
b.insert(100, 66)
b.insert(1, 67)
print(b, b.pop(-2), b.pop(0), b)
b.remove(98)
print(b)
for call in [
    lambda: b.pop(5),
    lambda: b.pop(-10),
    lambda: b.insert("x", 1),
    lambda: b.insert(0, 300),
    lambda: b.remove(120),
    lambda: b.remove("a"),
    lambda: b.pop("x"),
    lambda: bytearray().pop(),
    lambda: b.insert(1),
    lambda: b.remove(),
]:
    try:
        print(call())
    except Exception as e:
        print(type(e).__name__, e)
print(b)
