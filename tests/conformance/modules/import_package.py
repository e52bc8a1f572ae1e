# A package: a folder with __init__.py, its submodules, relative imports inside it.
import _pkg
print(_pkg.VERSION, _pkg.greet("student"), _pkg._sub.LEVEL, _pkg._sub.hi("x"))
import _pkg.inner
print(_pkg.inner.greet("again"))
from _pkg._sub import deep
print(deep.where())
import _pkg._sub.deep as d
print(d is deep)
from _pkg import inner as i2
print(i2 is _pkg.inner)
