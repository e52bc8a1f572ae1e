# Augmented assignment on names, subscripts and attributes.
n = 10
n += 5
print(n)
n -= 20
print(n)
n *= -3
print(n)
f = 1.5
f += 1
print(f)
f *= 2
print(f)
s = "ab"
s += "cd"
s *= 2
print(s)
b = b"x"
b += b"yz"
print(b)

# += on a list extends in place (the alias sees it), + builds a new list.
lst = [1]
alias = lst
lst += [2, 3]
print(lst, alias, lst is alias)
lst = lst + [4]
print(lst, alias, lst is alias)
lst += "ab"
print(lst)

t = (1,)
t2 = t
t += (2,)
print(t, t2, t is t2)

d = {"count": 0}
for word in ["a", "b", "c"]:
    d["count"] += 1
print(d)

class Counter:
    total = 0

c = Counter()
c.total += 4
print(c.total, Counter.total)
Counter.total -= 1
print(c.total, Counter.total)

big = 2 ** 62
big *= 4
print(big)
big -= 2 ** 64
print(big)
