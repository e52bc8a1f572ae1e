from collections import deque

d = deque([1, 2, 3])
d.append(4)
d.appendleft(0)
print(d, len(d), d[0], d[-1], 3 in d, 9 in d)
print(d.pop(), d.popleft(), d)
d.extend([4, 5])
d.extendleft([0, -1])
print(d)
d.rotate(2)
print(d)
d.rotate(-3)
print(d)
d.rotate()
print(d, d.count(1), d.index(3))
d.remove(3)
d[0] = 100
del d[1]
print(d, list(d), list(reversed(d)), bool(d), bool(deque()))
d.clear()
print(d, repr(deque()))
last3 = deque(maxlen=3)
for i in range(6):
    last3.append(i)
    print(last3)
print(last3.maxlen, deque().maxlen, deque("abc"), deque(range(5), 2))
last3.appendleft(-1)
print(last3)
print(deque([1, 2]) == deque([1, 2]), deque([1]) == [1], deque([[1], (2,)]))
q = deque()
q.append(("127.0.0.1", 5000))
q.append(("127.0.0.1", 5001))
while q:
    print("next peer", q.popleft())
c = d.copy()
c.append(1)
print(c, d, c.insert(0, 9), c)
c.reverse()
print(c, isinstance(c, deque), type(c).__name__)


def attempt(f):
    try:
        f()
    except (IndexError, ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)


attempt(lambda: deque([1]).remove(2))
attempt(lambda: deque([1]).index(2))
attempt(lambda: deque([1])[5])
attempt(lambda: deque(maxlen=-1))
attempt(lambda: deque().popleft())
deque().pop()
