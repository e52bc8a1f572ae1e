# str is a sequence of code points, not bytes.
s = "naïve café"
print(s, len(s), s[2], s[-1], s.upper())
print([ord(c) for c in "aé€😀"])
print(chr(233), chr(8364), chr(128512), chr(0x41))
print("€" * 3, "€" in s, s.find("é"), s.encode())
print(sorted("éaz"), "é" < "z", "€" > "é")
print("Ω".lower(), "ω".upper(), "ǅ".upper())
print(repr("\u00e9"), repr("e\u0301"), "\u00e9" == "e\u0301")
print(len("👍🏽"), repr("👍🏽"))
