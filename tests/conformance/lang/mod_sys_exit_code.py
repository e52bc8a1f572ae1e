# sys.exit(n) exits with status n; output printed before is kept.
import sys
print("about to exit with 3")
sys.exit(3)
print("not reached")
