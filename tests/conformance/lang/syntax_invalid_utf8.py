print("never printed")
s = "café"
print(s)
