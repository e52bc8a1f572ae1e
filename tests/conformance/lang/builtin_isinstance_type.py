# isinstance (with tuples and subclasses), type(), type(x).__name__ and the repr of classes.
values = [1, True, 1.5, "s", b"b", bytearray(), [], (), {}, set(), None, range(1), len, lambda: 0]
for v in values:
    print(type(v).__name__, type(v))
print(isinstance(1, int), isinstance(True, int), isinstance(1, float), isinstance(1.0, (int, float)))
print(isinstance("s", str), isinstance(b"s", bytes), isinstance(b"s", str), isinstance(bytearray(), bytes))
print(isinstance([], (tuple, list)), isinstance((), list), isinstance({}, dict), isinstance(None, type(None)))
print(isinstance(1, ()), isinstance(1, (str, (bytes, int))))
class Base:
    pass
class Derived(Base):
    pass
d = Derived()
print(type(d), type(d).__name__, Base, Derived.__name__, type(Base))
print(isinstance(d, Base), isinstance(d, Derived), isinstance(Base(), Derived), isinstance(d, object))
print(type(d) == Derived, type(d) == Base, type(d) is Derived)
print(type(ValueError("x")), type(ValueError), type(type))
print(int, str, bool, float, bytes, list, tuple, dict, set, type(None), object)
print([int, str], {"t": bytes})
print(ValueError, ConnectionRefusedError, KeyboardInterrupt)
print(type(1)(5), type("")(42), type([])("ab"))
try:
    isinstance(1, "int")
except TypeError as e:
    print("TypeError:", e)
