# repr() and str.isprintable() over a sample of all of Unicode, as CPython 3.11 sees it.
printable = 0
shown = 0
for u in range(0, 0x110000, 13):
    if 0xd800 <= u <= 0xdfff:
        continue  # lone surrogates: socklab strings cannot hold them
    c = chr(u)
    if c.isprintable():
        printable += 1
    if c not in "'\\" and len(repr(c)) == 3:
        shown += 1
print(printable, shown)
print(repr("a\ufffdb"), repr("\u200b\u00a0\u2028\U0001f600\u0378"))
print("a\\b'\"".isprintable(), "".isprintable(), "\n".isprintable())
