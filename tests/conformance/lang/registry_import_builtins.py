# `import builtins`: the namespace every module falls back to, as a module.
import builtins
print(builtins)
print(builtins.__name__, builtins.len("abc"), builtins.print is print, builtins.abs(-3))
names = dir(builtins)
print("len" in names, "print" in names, "ValueError" in names, "socket" in names)
from builtins import max, ValueError as VE
print(max(1, 5), VE is ValueError)
try:
    builtins.nosuchthing
except AttributeError as e:
    print("AttributeError:", e)
