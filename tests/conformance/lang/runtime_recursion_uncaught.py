# Uncaught RecursionError: a long traceback, last line is the error, exit status 1.
def f(n):
    return f(n + 1)

print("starting")
f(0)
