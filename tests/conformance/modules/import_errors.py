# What goes wrong with imports, in CPython's words.
try:
    import _not_here
except ModuleNotFoundError as e:
    print(type(e).__name__, e)
try:
    from _helpers import triple
except ImportError as e:
    print(type(e).__name__, str(e).split(" (")[0])
try:
    import _helpers.nothing
except ModuleNotFoundError as e:
    print(type(e).__name__, e)
try:
    from . import _helpers
except ImportError as e:
    print(type(e).__name__, e)
try:
    import _broken
except SyntaxError as e:
    print(type(e).__name__)
