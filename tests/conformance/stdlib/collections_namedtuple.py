from collections import namedtuple
import collections

Point = namedtuple("Point", "x y")
p = Point(1, 2)
print(p, repr(p), p.x, p.y, p[0], p[-1], p[:1], len(p))
x, y = p
print(x, y, list(p), tuple(p), p == (1, 2), (1, 2) == p, p != (2, 1))
print(isinstance(p, tuple), isinstance(p, Point), type(p).__name__, Point.__name__)
print(Point._fields, p._asdict(), p._replace(y=5), Point._make([7, 8]))
print(Point(x=3, y=4), Point(5, y=6), 1 in p, p.count(1), p.index(2))
print(p + (3,), sum(p), max(p), sorted(Point(9, 1)))
Addr = collections.namedtuple("Addr", ["host", "port"], defaults=[80])
print(Addr("localhost"), Addr("h", 8080), Addr._field_defaults)
Conn = namedtuple("Conn", "peer, state", rename=False)
print(Conn(("127.0.0.1", 4000), "ESTABLISHED"))
R = namedtuple("R", ["ok", "def", "ok"], rename=True)
print(R._fields)
print(Point(p.x + 1, p.y * 2))
print([Point(i, i * i) for i in range(3)])
print(f"{p.x}-{p.y}", "%d,%d" % (p.x, p.y))


def attempt(f):
    try:
        f()
    except (TypeError, ValueError, AttributeError, IndexError) as e:
        print(type(e).__name__ + ":", e)


attempt(lambda: Point(1))
attempt(lambda: Point(1, 2, 3))
attempt(lambda: Point(1, 2, z=3))
attempt(lambda: Point(1, x=2))
attempt(lambda: p._replace(z=1))
attempt(lambda: p[5])
attempt(lambda: namedtuple("Bad", "x _y"))
attempt(lambda: namedtuple("Bad", "x x"))
attempt(lambda: namedtuple("Bad", "x class"))
attempt(lambda: namedtuple("1Bad", "x"))
attempt(lambda: Point._make([1]))
attempt(lambda: namedtuple("T", "a", defaults=[1, 2]))
attempt(lambda: Addr())
p.x = 5
