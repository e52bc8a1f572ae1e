# Unbounded recursion raises RecursionError, which can be caught; the program continues.
def f(n):
    return f(n + 1)

try:
    f(0)
except RecursionError as e:
    print(type(e).__name__)
    print(e)
    print(isinstance(e, RuntimeError), e.args)

def g(n):
    if n == 0:
        return 0
    return 1 + g(n - 1)

print(g(500))
try:
    g(100000)
except RecursionError as e:
    print("deep but finite recursion:", e)

def mutual_a(n):
    return mutual_b(n + 1)
def mutual_b(n):
    return mutual_a(n + 1)
try:
    mutual_a(0)
except RecursionError as e:
    print("mutual:", e)
print("still running after three RecursionErrors:", g(100))
