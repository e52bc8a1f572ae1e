# Chained assignment binds every target to the same object.
a = b = 0
print(a, b)
a = 5
print(a, b)

x = y = []
x.append(1)
print(x, y, x is y)

m = n = o = "same"
print(m, n, o)

d = {}
d["k"] = d["j"] = 7
print(d)

class Box:
    pass

box = Box()
box.a = box.b = 3
print(box.a, box.b)

p, q = r = (1, 2)
print(p, q, r)

# Targets are assigned left to right.
lst = [0, 0, 0]
i = lst[i] = 1 if False else 2
print(i, lst)
