# SystemExit can be caught; its .code and args, and what else catches it.
import sys
for arg in [0, 1, 2, 255, "message", None, (1, 2)]:
    try:
        sys.exit(arg)
    except SystemExit as e:
        print(repr(arg), "->", repr(e.code), e.args, repr(e), type(e).__name__)
try:
    sys.exit()
except SystemExit as e:
    print("no argument:", repr(e.code), e.args, repr(e))
try:
    try:
        sys.exit(4)
    except Exception:
        print("Exception does not catch SystemExit")
except BaseException as e:
    print("BaseException does:", repr(e), e.code)
try:
    raise SystemExit(7)
except SystemExit as e:
    print("raise SystemExit(7):", e.code, str(e))
e = SystemExit("a", "b")
print(repr(e.code), e.args)
print(isinstance(SystemExit(), Exception), isinstance(SystemExit(), BaseException))
sys.exit(42)
