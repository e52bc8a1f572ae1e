# The error is on the last line; the earlier prints must not run.
print("one")
print("two")
def ok():
    return 3
print(ok())
x = (1 +)
