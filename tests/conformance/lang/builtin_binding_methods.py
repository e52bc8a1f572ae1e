# Every method of the built-in types called with 0 to 5 junk arguments and with a junk
# keyword. Binding errors (too few, too many, unknown keywords) are printed: their words
# are CPython's; other errors depend on the junk and are not printed.
J = object()
BINDING = ("takes", "expected", "keyword argument", "missing required", "given by name")


def binding(e):
    return any(w in str(e) for w in BINDING)

samples = {
    'str': (lambda: "ab", ['capitalize', 'casefold', 'center', 'count', 'encode', 'endswith', 'expandtabs', 'find', 'format', 'index', 'isalnum', 'isalpha', 'isdecimal', 'isdigit', 'isidentifier', 'islower', 'isnumeric', 'isprintable', 'isspace', 'isupper', 'join', 'ljust', 'lower', 'lstrip', 'partition', 'removeprefix', 'removesuffix', 'replace', 'rfind', 'rindex', 'rjust', 'rpartition', 'rsplit', 'rstrip', 'split', 'splitlines', 'startswith', 'strip', 'swapcase', 'title', 'translate', 'upper', 'zfill']),
    'bytes': (lambda: b"ab", ['center', 'count', 'decode', 'endswith', 'find', 'hex', 'index', 'isalnum', 'isalpha', 'isdigit', 'isspace', 'join', 'ljust', 'lower', 'lstrip', 'partition', 'removeprefix', 'removesuffix', 'replace', 'rfind', 'rjust', 'rpartition', 'rsplit', 'rstrip', 'split', 'splitlines', 'startswith', 'strip', 'upper', 'zfill']),
    'bytearray': (lambda: bytearray(b"ab"), ['append', 'center', 'clear', 'copy', 'count', 'decode', 'endswith', 'extend', 'find', 'hex', 'index', 'insert', 'isalnum', 'isalpha', 'isdigit', 'isspace', 'join', 'ljust', 'lower', 'lstrip', 'partition', 'pop', 'remove', 'removeprefix', 'removesuffix', 'replace', 'reverse', 'rfind', 'rjust', 'rpartition', 'rsplit', 'rstrip', 'split', 'splitlines', 'startswith', 'strip', 'upper', 'zfill']),
    'list': (lambda: [1], ['append', 'clear', 'copy', 'count', 'extend', 'index', 'insert', 'pop', 'remove', 'reverse', 'sort']),
    'tuple': (lambda: (1,), ['count', 'index']),
    'dict': (lambda: {1: 2}, ['clear', 'copy', 'get', 'items', 'keys', 'pop', 'popitem', 'setdefault', 'update', 'values']),
    'set': (lambda: {1}, ['add', 'clear', 'copy', 'difference', 'discard', 'intersection', 'isdisjoint', 'issubset', 'issuperset', 'pop', 'remove', 'symmetric_difference', 'union', 'update']),
    'frozenset': (lambda: frozenset({1}), ['copy', 'difference', 'intersection', 'isdisjoint', 'issubset', 'issuperset', 'symmetric_difference', 'union']),
    'int': (lambda: 5, ['bit_count', 'bit_length', 'conjugate', 'to_bytes']),
    'float': (lambda: 1.5, ['as_integer_ratio', 'conjugate', 'hex', 'is_integer']),
}
for tname, (make, names) in samples.items():
    for name in names:
        for args in [(), (J,), (J, J), (J, J, J), (J, J, J, J, J)]:
            try:
                getattr(make(), name)(*args)
            except TypeError as e:
                if binding(e):
                    print(tname, name, len(args), e)
            except Exception:
                pass
        try:
            getattr(make(), name)(bogus=1)
        except TypeError as e:
            if binding(e):
                print(tname, name, "kw", e)
        except Exception:
            pass
