x = f"\
"
print(repr(x), len(x))
y = f"a\
b{1 + 1}\
c"
print(y)
print(repr(f"\
" f"" "\
"))
