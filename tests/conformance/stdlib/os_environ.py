# os.environ: a mapping of str with CPython's type, repr and errors; SelectorKey's namedtuple helpers.
import os, selectors
e = os.environ
print(type(e), repr(e).startswith("environ({"), repr(e) == "environ(%r)" % e.copy(), len(e) == len(list(e)))
e["SOCKLAB_X"] = "1"
print(os.getenv("SOCKLAB_X"), e.pop("SOCKLAB_X"), e.pop("SOCKLAB_X", "gone"), "SOCKLAB_X" in e, e.setdefault("SOCKLAB_Y", "y"))
del e["SOCKLAB_Y"]
for f in [lambda: e["SOCKLAB_Z"], lambda: e.__setitem__("A", 1), lambda: e.__delitem__("SOCKLAB_Z")]:
    try: f()
    except Exception as ex: print(type(ex).__name__, ex)
k = selectors.SelectorKey(5, 5, 1, None)
print(k._fields, k._asdict(), k)
