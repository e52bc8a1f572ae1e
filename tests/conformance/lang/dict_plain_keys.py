# Keys of plain values and tuples of them: equal numbers are one key, whatever their type.
d = {}
d[1] = "int"
d[1.0] = "float"
d[True] = "bool"
print(d)
d[("127.0.0.1", 80)] = "tuple"
print(d[("127.0.0.1", 80.0)], ("127.0.0.1", 80) in d, ("127.0.0.1", 81) in d)
d[(1, 2)] = "a"
d[(1.0, 2.0)] = "b"
d[(True, 2)] = "c"
print(len(d), d[(1, 2)])
d[(None, b"x", -0.0)] = "odd"
print(d[(None, b"x", 0)])
s = {0, 0.0, False, -0.0}
print(s, len(s))
for bad in [([1], 2), (1, {2}), (1, (2, [3]))]:
    try:
        d[bad] = 1
    except TypeError as e:
        print(e)
class Point:
    def __init__(self, x):
        self.x = x
    def __hash__(self):
        return hash(self.x)
    def __eq__(self, other):
        return isinstance(other, Point) and self.x == other.x
d[(Point(1), 2)] = "point"
print(d[(Point(1), 2)])
class NoHash:
    def __eq__(self, other):
        return True
try:
    d[(1, NoHash())] = 1
except TypeError as e:
    print(e)
print(2**70 in {2**70: 1}, {(2**70, "a"): 1}[(2**70, "a")])
