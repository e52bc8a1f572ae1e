# is / is not on None, True, False and shared objects.
x = None
print(x is None, x is not None, None is None)
a = [1, 2]
b = a
c = [1, 2]
print(a is b, a is c, a == c, a is not c)
print(True is True, False is not True, (1 == 1) is True)
def f():
    pass
print(f() is None)
d = {}
print(d.get("missing") is None)
e = ()
t = (a, a)
print(t[0] is t[1], t[0] is a)
class C:
    pass
o1 = C()
o2 = o1
o3 = C()
print(o1 is o2, o1 is o3, o1 == o3, o1 == o2)
print(type(1) is int, type("s") is str, type(1) is float, type(True) is bool, type(True) is int)
print(type(None) is type(None))
