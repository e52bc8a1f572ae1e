# Sets of strings: membership and size only (their print order varies between runs).
allowed = set(["GET", "HEAD", "POST"])
print(len(allowed), "GET" in allowed, "DELETE" in allowed, "get" in allowed)
allowed.add("PUT")
allowed.add("GET")
print(len(allowed), sorted(allowed))
words = "the quick brown the lazy the end".split()
unique = set(words)
print(len(words), len(unique), sorted(unique))
print(sorted(set("mississippi")), len(set("mississippi")))
print(set(["a"]) == set(["a"]), set("ab") == set("ba"), {"x"} == set("x"))
seen = set()
dups = []
for w in words:
    if w in seen:
        dups.append(w)
    seen.add(w)
print(dups)
