# repr of strings picks quotes like CPython and escapes what it must.
samples = ["plain", "it's", 'say "hi"', "both ' and \"", "", " ", "tab\there",
           "new\nline", "cr\rlf\n", "back\\slash", "bell\a", "nul\x00", "esc\x1b[0m",
           "del\x7f", "\x80\x9f", "é", "ünïcödé", "日本語", "emoji 😀", "\u200b", "\ufeff",
           "\xa0nbsp", "\xad", "'", '"', "'\"", "\\", "\v\f", "\U0001F600"]
for s in samples:
    print(repr(s))
print(samples[:4])
print(("a'b",), {"k\n": 'v"'})
print(str("quoted 'x'"), "it's")
print(repr(repr("a")), repr(str(repr("b"))))
print(len("日本語"), len("😀"), len("e\u0301"))
