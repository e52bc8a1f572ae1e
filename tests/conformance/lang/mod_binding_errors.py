# Module functions called with missing, extra and unknown arguments.
import select
import struct
import sys
import time
import _thread

J = object()
BINDING = ("takes", "expected", "keyword argument", "missing", "given by name")
calls = [
    (time, ["asctime", "ctime", "gmtime", "localtime", "mktime", "monotonic", "perf_counter", "sleep", "strftime", "time", "time_ns"]),
    (struct, ["calcsize", "pack", "unpack", "unpack_from"]),
    (sys, ["getdefaultencoding", "getrecursionlimit", "setrecursionlimit"]),
    (_thread, ["_count", "allocate_lock", "get_ident"]),
    (select, ["select"]),
]
for module, names in calls:
    for name in names:
        f = getattr(module, name)
        for n in (0, 1, 2, 3, 5):
            try:
                f(*[J] * n)
            except TypeError as e:
                if any(w in str(e) for w in BINDING):
                    print(module.__name__, name, n, e)
            except Exception:
                pass
        try:
            f(bogus=1)
        except TypeError as e:
            print(module.__name__, name, "kw", e)
try:
    sys.exit(1, 2)
except TypeError as e:
    print(e)
try:
    sys.exit(code=1)
except TypeError as e:
    print(e)
