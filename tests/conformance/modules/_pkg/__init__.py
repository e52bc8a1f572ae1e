from .inner import greet
from . import _sub
VERSION = (1, 2)
print("package", __name__, "package of", __package__)
