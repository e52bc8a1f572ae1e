# sys.exit(True) exits 1; sys.exit(False) exits 0; sys.exit with a list prints it.
import sys
try:
    sys.exit(False)
except SystemExit as e:
    print("False code:", repr(e.code))
print("now exiting with a list argument")
sys.exit(["bad", "code"])
