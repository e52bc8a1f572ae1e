# import, from-import and import-as of a module beside the program; it runs once.
import _helpers
import _helpers as h
from _helpers import double, bump
import sys

print(_helpers.double(21), h is _helpers, double is _helpers.double)
print(bump(), bump(), _helpers.COUNT)
print(_helpers.__name__, _helpers.__file__.endswith("_helpers.py"))
print("_helpers" in sys.modules if hasattr(sys, "modules") else True)
print(__name__)
import _cycle_a
print(_cycle_a.from_b(), _cycle_a._cycle_b.half_made())
