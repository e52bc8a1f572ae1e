# A float that is a whole number still works in randrange, with CPython's
# DeprecationWarning naming the caller's line (the last line of stderr).
import random

random.seed(8)
print(random.randrange(1, 7), random.randint(1, 6))
print(random.randrange(100.0))
