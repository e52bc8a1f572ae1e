# Misspelled module attribute: the uncaught traceback suggests the right one.
import sys
import struct
try:
    struct.packk("!H", 1)
except AttributeError as e:
    print("str(e):", e)
print(struct.pack("!H", 1))
sys.exitt(3)
