# strip / lstrip / rstrip with and without chars; upper / lower.
s = "  \t hello world \n "
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()))
print("xxhixx".strip("x"), "xyhiyx".strip("xy"), "abc".strip(""), "www.example.com".strip("cmowz."))
print(repr("data\r\n".rstrip("\r\n")), repr("\r\n".strip()), repr("".strip()))
print("...a...".lstrip("."), "...a...".rstrip("."))
print("Hello World 123".upper(), "Hello World 123".lower(), "ÉCOLE ß".lower(), "straße".upper())
print("MiXeD".lower().upper(), "".upper(), "123".upper())
print(repr("\u00a0 x \u3000".strip()))
print("abc".strip(None), "  abc  ".strip(" a"))
line = "QUIT\r\n"
print(line.strip().lower() == "quit")
