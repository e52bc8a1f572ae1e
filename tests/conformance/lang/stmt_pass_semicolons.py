# pass, and ; between simple statements.
a = 1; b = 2; c = a + b
print(a, b, c)
x = 0; x += 1; print(x);
if True: pass
def nothing():
    pass
print(nothing())
class Empty:
    pass
print(type(Empty()).__name__)
for i in range(3): pass
print(i)
while False: pass
try: raise ValueError("v")
except ValueError: print("caught")
print("a"); print("b")
