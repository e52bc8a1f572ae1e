# sys.exit(-1) exits with status 255.
import sys
print("exit -1")
sys.exit(-1)
