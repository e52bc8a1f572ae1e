# sys.stdout.write returns the number of characters written and adds no newline.
import sys
n = sys.stdout.write("hello")
sys.stdout.write("\n")
print(n)
n2 = sys.stdout.write("héllo 😀\n")
print(n2)
print(sys.stdout.write(""))
sys.stdout.write("a" + "b" * 3 + "\n")
print("mixed", end="")
sys.stdout.write(" with write\n")
sys.stdout.flush()
try:
    sys.stdout.write(b"bytes")
except TypeError as e:
    print("TypeError:", e)
try:
    sys.stdout.write(5)
except TypeError as e:
    print("TypeError:", e)
sys.stderr.write("to stderr\n")
print("stdin exists:", sys.stdin is not None)
