# and / or return one of their operands; not always returns a bool.
print(1 and 2, 0 and 2, 1 or 2, 0 or 2, None or "default")
print("" or [] or 0, "" and "x", "a" and "b" and "c")
print(not 0, not 1, not "", not "x", not None, not [], not [0])
print(type(1 and 2).__name__, type(not 1).__name__)
print(True and False or True, not True or True, not (True or True))
print(1 or 1 / 0)
print(0 and 1 / 0)

def side(v):
    print("side", repr(v))
    return v

print(side(0) and side(1))
print(side(1) and side(2))
print(side(0) or side("") or side("last"))
print(side(3) or side(4))
x = None
name = x or "anonymous"
print(name)
port = 0
print(port or 8080)
print([] == False, bool([]) == False)
print(not 1 == 2, (not 1) == 2)
print(True is not False, 1 if not None else 2)
print(bool(0.0), bool(-0.0), bool(0.0001))
