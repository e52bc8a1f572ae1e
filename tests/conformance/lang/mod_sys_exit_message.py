# sys.exit("msg") prints msg to stderr and exits with status 1.
import sys
print("stdout before exit")
sys.exit("fatal: could not bind port 80")
