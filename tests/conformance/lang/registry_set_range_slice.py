# The in-place set operations, range's count and index, slice.indices.
s = {1, 2, 3, 4}
print(s.difference_update({1}, [2]), s)
s.intersection_update([3, 4, 5], {3, 4})
print(s)
s.symmetric_difference_update([4, 6])
print(s)
r = range(0, 20, 3)
print(r.count(6), r.count(7), r.count(6.0), r.index(9), range(10, 0, -2).index(4))
print(r.start, r.stop, r.step)
for bad in [7, "a", 3.5]:
    try:
        r.index(bad)
    except ValueError as e:
        print("ValueError:", e)
print(slice(None, None, -1).indices(5), slice(1, 100, 2).indices(5), slice(-3, None).indices(10))
sl = slice(1, 2, 3)
print(sl.start, sl.stop, sl.step)
try:
    slice(1).indices(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    frozenset().add(1)
except AttributeError as e:
    print("AttributeError:", e)
