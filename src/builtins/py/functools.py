"""functools, for socklab: CPython's `partial`, `reduce`, `wraps`, `lru_cache`/`cache`,
`total_ordering` and `cmp_to_key`, written in plain Python (CPython's are in C or use
what socklab lacks); reprs and errors as CPython's."""

WRAPPER_ASSIGNMENTS = ('__module__', '__name__', '__qualname__', '__doc__')
WRAPPER_UPDATES = ('__dict__',)

_initial_missing = object()


def reduce(function, sequence, initial=_initial_missing):
    it = iter(sequence)
    if initial is _initial_missing:
        try:
            value = next(it)
        except StopIteration:
            raise TypeError("reduce() of empty iterable with no initial value") from None
    else:
        value = initial
    for element in it:
        value = function(value, element)
    return value


class partial:
    """A function with some of its arguments given already."""

    def __init__(self, func, /, *args, **keywords):
        if not callable(func):
            raise TypeError("the first argument must be callable")
        if isinstance(func, partial):
            args = func.args + args
            keywords = {**func.keywords, **keywords}
            func = func.func
        self.func = func
        self.args = args
        self.keywords = keywords

    def __call__(self, /, *args, **keywords):
        keywords = {**self.keywords, **keywords}
        return self.func(*self.args, *args, **keywords)

    def __repr__(self):
        parts = [repr(self.func)]
        parts.extend(repr(x) for x in self.args)
        parts.extend(f"{k}={v!r}" for (k, v) in self.keywords.items())
        return f"functools.partial({', '.join(parts)})"


def update_wrapper(wrapper, wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    for attr in assigned:
        try:
            value = getattr(wrapped, attr)
        except AttributeError:
            pass
        else:
            try:
                setattr(wrapper, attr, value)
            except (AttributeError, TypeError):
                pass
    wrapper.__wrapped__ = wrapped
    return wrapper


def wraps(wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    return partial(update_wrapper, wrapped=wrapped, assigned=assigned, updated=updated)


def _make_key(args, kwds):
    key = args
    if kwds:
        key += (object,)
        for item in kwds.items():
            key += item
    return key


def lru_cache(maxsize=128, typed=False):
    if callable(maxsize) and not isinstance(maxsize, int):
        return _lru_cache_wrapper(maxsize, 128)
    if maxsize is not None and not isinstance(maxsize, int):
        raise TypeError('Expected first argument to be an integer, a callable, or None')

    def decorating_function(user_function):
        return _lru_cache_wrapper(user_function, maxsize)

    return decorating_function


def _lru_cache_wrapper(user_function, maxsize):
    cache = {}
    stats = [0, 0]  # hits, misses

    def wrapper(*args, **kwds):
        key = _make_key(args, kwds)
        if key in cache:
            stats[0] += 1
            value = cache.pop(key)
            cache[key] = value  # most recently used last
            return value
        stats[1] += 1
        value = user_function(*args, **kwds)
        if maxsize is None or maxsize > 0:
            cache[key] = value
            if maxsize is not None and len(cache) > maxsize:
                del cache[next(iter(cache))]
        return value

    def cache_info():
        return f"CacheInfo(hits={stats[0]}, misses={stats[1]}, maxsize={maxsize}, currsize={len(cache)})"

    def cache_clear():
        cache.clear()
        stats[0] = stats[1] = 0

    wrapper.cache_info = cache_info
    wrapper.cache_clear = cache_clear
    update_wrapper(wrapper, user_function)
    return wrapper


def cache(user_function):
    return _lru_cache_wrapper(user_function, None)


def total_ordering(cls):
    """Fill in the missing comparisons from __eq__ and one of __lt__, __le__, __gt__, __ge__."""
    defined = [op for op in ('__lt__', '__le__', '__gt__', '__ge__') if op in cls.__dict__]
    if not defined:
        raise ValueError('must define at least one ordering operation: < > <= >=')
    root = defined[0]

    def from_lt():
        return {
            '__gt__': lambda self, other: _not_op_and_not_eq(self.__lt__, self, other),
            '__le__': lambda self, other: _op_or_eq(self.__lt__, self, other),
            '__ge__': lambda self, other: _not_op(self.__lt__, other),
        }

    def from_le():
        return {
            '__ge__': lambda self, other: _not_op_or_eq(self.__le__, self, other),
            '__lt__': lambda self, other: _op_and_not_eq(self.__le__, self, other),
            '__gt__': lambda self, other: _not_op(self.__le__, other),
        }

    def from_gt():
        return {
            '__lt__': lambda self, other: _not_op_and_not_eq(self.__gt__, self, other),
            '__ge__': lambda self, other: _op_or_eq(self.__gt__, self, other),
            '__le__': lambda self, other: _not_op(self.__gt__, other),
        }

    def from_ge():
        return {
            '__le__': lambda self, other: _not_op_or_eq(self.__ge__, self, other),
            '__gt__': lambda self, other: _op_and_not_eq(self.__ge__, self, other),
            '__lt__': lambda self, other: _not_op(self.__ge__, other),
        }

    table = {'__lt__': from_lt, '__le__': from_le, '__gt__': from_gt, '__ge__': from_ge}
    for name, method in table[root]().items():
        if name not in defined:
            setattr(cls, name, method)
    return cls


def _not_op(op, other):
    result = op(other)
    return result if result is NotImplemented else not result


def _op_or_eq(op, self, other):
    result = op(other)
    return result if result is NotImplemented else result or self == other


def _not_op_or_eq(op, self, other):
    result = op(other)
    return result if result is NotImplemented else not result or self == other


def _op_and_not_eq(op, self, other):
    result = op(other)
    return result if result is NotImplemented else result and self != other


def _not_op_and_not_eq(op, self, other):
    result = op(other)
    return result if result is NotImplemented else not result and self != other


def cmp_to_key(mycmp):
    class K:
        __slots__ = ['obj']

        def __init__(self, obj):
            self.obj = obj

        def __lt__(self, other):
            return mycmp(self.obj, other.obj) < 0

        def __gt__(self, other):
            return mycmp(self.obj, other.obj) > 0

        def __eq__(self, other):
            return mycmp(self.obj, other.obj) == 0

        def __le__(self, other):
            return mycmp(self.obj, other.obj) <= 0

        def __ge__(self, other):
            return mycmp(self.obj, other.obj) >= 0

        __hash__ = None

    return K
