# partition, join.
print("key=value".partition("="))
print("key=value=more".partition("="))
print("novalue".partition("="))
print("=start".partition("="), "end=".partition("="))
print("GET /index.html HTTP/1.1".partition(" "))
print("a::b".partition("::"))
print(",".join(["a", "b", "c"]), "".join(["x", "y"]), " - ".join("abc"))
print("|".join([]), "|".join(["only"]), "\n".join(["l1", "l2"]))
print(":".join([str(n) for n in range(5)]))
print(".".join(["192", "168", "0", "1"]))
print(", ".join(("tuple", "items")), "+".join({"k1": 1, "k2": 2}))
try:
    ",".join([1, 2])
except TypeError as e:
    print("TypeError:", e)
try:
    ",".join(["a", b"b"])
except TypeError as e:
    print("TypeError:", e)
try:
    "x".partition("")
except ValueError as e:
    print("ValueError:", e)
