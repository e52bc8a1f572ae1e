# set add and the | & - operators on small ints.
s = set()
s.add(3)
s.add(1)
s.add(3)
print(s, len(s))
a = {1, 2, 3}
b = {2, 3, 4}
print(a | b, a & b, a - b, b - a)
print(a <= {1, 2, 3, 4}, a >= {1}, {1} < a, a < a)
seen = set()
order = []
for x in [5, 1, 5, 2, 1, 6]:
    if x not in seen:
        seen.add(x)
        order.append(x)
print(order, sorted(seen))
