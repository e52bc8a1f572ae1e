# sys.exit() and sys.exit(None) exit with status 0; finally blocks run first.
import sys
try:
    print("in try")
    sys.exit()
finally:
    print("finally runs on sys.exit")
