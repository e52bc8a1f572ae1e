# Indexing, concatenation, repetition, len, iteration, comparison of str.
s = "network"
print(s[0], s[-1], s[3], len(s), s * 2, s + "ing", 3 * "ab", "x" * 0, "x" * -2)
print([c for c in s], list(s)[:3], tuple("ab"))
print("a" < "b", "abc" < "abd", "B" < "a", "é" > "z", sorted(["b", "A", "a", "B", "é"]))
print(min("hello"), max("hello"), sorted("hello"))
print(ord(s[0]), chr(ord(s[0]) - 32))
print(str(1) + str(2.5) + str(None) + str(True) + str([1]) + str((1,)))
print("%s" % s[::-1], s[1:-1])
total = ""
for ch in "abc":
    total = ch + total
print(total)
print("x" in s, "work" in s, s.find("work"))
try:
    print(s[7])
except IndexError as e:
    print("IndexError:", e)
try:
    print(s[-8])
except IndexError as e:
    print("IndexError:", e)
try:
    print("a" + 1)
except TypeError as e:
    print("TypeError:", e)
try:
    print(1 + "a")
except TypeError as e:
    print("TypeError:", e)
try:
    print("a" * 1.5)
except TypeError as e:
    print("TypeError:", e)
try:
    print(s["0"])
except TypeError as e:
    print("TypeError:", e)
try:
    print("a" - "b")
except TypeError as e:
    print("TypeError:", e)
