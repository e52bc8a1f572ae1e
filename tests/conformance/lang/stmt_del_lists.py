# del of a tuple or list of targets, nested or empty, as CPython allows.
a = b = c = 1
items = [1, 2, 3]
del [a, (b, [c])], ()
del []
del [items[0]], (items[-1],)
print(items, "a" in dir(), "c" in dir())
