# print(..., file=sys.stderr) goes to standard error; stdout keeps the rest.
import sys
print("to stdout 1")
print("to stderr 1", file=sys.stderr)
print("to stdout 2")
print("error:", 42, file=sys.stderr, sep="=")
sys.stderr.write("written directly\n")
print("to stdout 3", file=sys.stdout)
print("final stderr line", "with parts", file=sys.stderr)
