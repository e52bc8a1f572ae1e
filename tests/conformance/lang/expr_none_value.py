# None: repr, truthiness, identity, equality, as a default and a missing return value.
x = None
print(x, repr(x), str(x), type(x).__name__, [None], (None,), {None: None})
print(x is None, x == None, x != 0, x == False, not x, bool(x))
def f():
    pass
def g(v=None):
    if v is None:
        return "no value"
    return "value " + repr(v)
print(f(), g(), g(0), g(None), g(""))
result = print("print returns None")
print(result)
lst = [3, None, 1]
print(len([v for v in lst if v is None]))
print(None or "fallback", None and "never")
d = {"a": None}
print(d.get("a"), d.get("b"), "a" in d, d.get("a") is d.get("b"))
try:
    None.attribute
except AttributeError as e:
    print("AttributeError:", e)
try:
    nothing = None
    nothing[0]
except TypeError as e:
    print("TypeError:", e)
try:
    for v in None:
        pass
except TypeError as e:
    print("TypeError:", e)
