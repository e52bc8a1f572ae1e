# String literal forms: quotes, triple quotes, escapes, raw strings, concatenation.
print('single', "double", '''triple single''', """triple double""")
print("a\tb|", "a\\tb", r"a\tb", R"raw\n", r'C:\new\table')
print("line1\nline2")
print("\x41\x42\u0043\U00000044\101\102")
print("quote: \" and \' inside")
print('adjacent' " literals" '''concatenate''')
s = ("multi "
     "line "
     "implicit")
print(s)
block = """first
  second
third"""
print(block)
print(repr(block))
cont = "abc\
def"
print(cont)
print(len("\n"), len(r"\n"), len("\\"), len("\x00"), len("\u00e9"))
print(r"\\", r"\"", r'\'', repr(r"a\b"))
print("""He said "yes" and 'no'""")
print('''one ''' '''two''')
print("\0end" == "\x00end", "\7" == "\a", "\101" == "A")
print("tab:\t|", "vt:\v|" == "vt:\x0b|", "ff:\f|" == "ff:\x0c|")
print(u"unicode prefix", U"upper")
