x = 1
doc = """this docstring
never ends
print(x)
