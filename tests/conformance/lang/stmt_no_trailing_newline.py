# No newline at the end of the file.
x = 41
print(x + 1)