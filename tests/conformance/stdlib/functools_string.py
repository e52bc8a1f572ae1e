# functools (partial, reduce, wraps, lru_cache, total_ordering, cmp_to_key) and string constants.
import functools, string
from functools import partial, reduce, wraps, lru_cache
print(string.ascii_letters, string.digits, string.hexdigits, string.punctuation, repr(string.whitespace), len(string.printable))
print(string.capwords("hello  wide world"), string.capwords("a-b-c", "-"))
def power(base, exp):
    return base ** exp
square = partial(power, exp=2)
print(square(5), reduce(lambda a, b: a * b, [1, 2, 3, 4]), reduce(lambda a, b: a + b, [], 10))
try:
    reduce(lambda a, b: a, [])
except TypeError as e:
    print(e)
def logged(f):
    @wraps(f)
    def inner(*a, **k):
        return f(*a, **k)
    return inner
@logged
def handler(conn):
    "Handle one connection."
    return conn
print(handler.__name__, handler.__doc__, handler(3), handler.__wrapped__.__name__)
@lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(60), fib.cache_info())
@functools.cache
def sq(x):
    return x * x
print(sq(4), sq(4))
@functools.total_ordering
class Version:
    def __init__(self, n):
        self.n = n
    def __eq__(self, o):
        return self.n == o.n
    def __lt__(self, o):
        return self.n < o.n
print(Version(1) < Version(2), Version(2) >= Version(1), Version(3) <= Version(3), Version(1) > Version(2))
print(sorted([3, 1, 2], key=functools.cmp_to_key(lambda a, b: b - a)))
p = partial(print, "peer:", sep="")
p("127.0.0.1")
print(repr(partial(power, 2))[:28])
