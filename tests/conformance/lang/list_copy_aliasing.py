# Aliasing versus copying lists; nested lists share inner objects in shallow copies.
a = [1, [2, 3]]
b = a
c = a[:]
d = list(a)
a.append(4)
a[1].append(99)
print(a, b, c, d)
print(a is b, a is c, c[1] is a[1], d[1] is a[1])
e = [[0] * 3 for i in range(2)]
e[0][0] = 7
print(e)
f = [0] * 3
f[0] = 7
print(f)
def mutate(lst):
    lst.append("mutated")
    lst = ["rebound"]
    return lst
g = ["orig"]
h = mutate(g)
print(g, h)
snapshot = g[:]
g.pop()
print(g, snapshot)
