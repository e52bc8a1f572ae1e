# str.maketrans and str.translate: swapping, deleting, mapping to strings.
t = str.maketrans("abc", "xyz")
print(sorted(t.items()))
print("aabbcc-d".translate(t))
print("hello world".translate(str.maketrans("", "", "lo")))
print("tab\there".translate({ord("\t"): " -> "}))
print("abc".translate({97: None, 98: "BB"}))
print("HTTP/1.0".translate(str.maketrans({"/": " ", ".": "_"})))
try:
    str.maketrans("ab", "c")
except ValueError as e:
    print(type(e).__name__, e)
