# print with sep, end, flush, and odd argument combinations.
print()
print("a", "b", "c")
print("a", "b", "c", sep="")
print("a", "b", "c", sep=", ")
print("a", "b", sep="\n")
print("no newline", end="")
print(" -> continued")
print("x", end="|\n")
print(1, 2, 3, sep="-", end="!\n")
print("flushed", flush=True)
print(sep="ignored")
print(end="")
print("", end="\n")
print(None, True, 1.0, [1], (), {}, b"", sep=" / ")
print("a", "b", sep=None, end=None)
print(1, 2, 3)
print("tab\tsep", "next", sep="\t")
print("multi\nline", "arg")
for i in range(3):
    print(i, end=" ")
print()
print("unicode: é ü 日本 😀")
try:
    print("a", sep=5)
except TypeError as e:
    print("TypeError:", e)
try:
    print("a", end=b"\n")
except TypeError as e:
    print("TypeError:", e)
try:
    print("a", bogus=1)
except TypeError as e:
    print("TypeError:", e)
