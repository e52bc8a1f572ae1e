# bool is an int subclass: arithmetic, repr, isinstance.
print(True, False, repr(True), str(False))
print(True + 1, False * 5, True / True, -True, +False)
print(isinstance(True, int), isinstance(1, bool), type(True).__name__)
print(sum([True, True, False, True]))
print(True == 1, False == 0)
print(bool(), bool(0), bool(1), bool(-1), bool("False"), bool(None))
print(int(True), float(True), str(True), hex(True))
print([True, False][True], "ab"[False])
print(True > False, max(True, 2), min(False, -1))
d = {True: "yes", 0: "zero"}
print(d[1], d[False])
print(True and 5, False or 0.0)
