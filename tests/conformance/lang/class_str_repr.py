# __str__ and __repr__ on user classes, and where each one is used.
class Address:
    def __init__(self, host, port):
        self.host = host
        self.port = port
    def __repr__(self):
        return "Address(%r, %r)" % (self.host, self.port)
    def __str__(self):
        return "%s:%d" % (self.host, self.port)

a = Address("127.0.0.1", 80)
print(a)
print(str(a), repr(a))
print([a], (a,), {"k": a})
print(f"{a} {a!r} {a!s}")
print("%s %r" % (a, a))
print("{} {!r}".format(a, a))

class OnlyRepr:
    def __repr__(self):
        return "<OnlyRepr>"
o = OnlyRepr()
print(o, str(o), [o], f"{o}")

class OnlyStr:
    def __str__(self):
        return "only str"
s = OnlyStr()
print(s, str(s), f"{s}")

class BadRepr:
    def __repr__(self):
        return 42
try:
    repr(BadRepr())
except TypeError as e:
    print("TypeError:", e)
class Sub(Address):
    def __str__(self):
        return "sub " + Address.__str__(self)
print(Sub("h", 1), repr(Sub("h", 2)))
