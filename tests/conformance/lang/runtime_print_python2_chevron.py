# Python 2's "print >>sys.stderr, x" parses in Python 3 (a tuple expression) and fails at run time.
import sys
print("this line runs first")
print >>sys.stderr, "error"
