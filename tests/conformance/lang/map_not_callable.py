m = map(5, [1, 2])
print("made")
print(list(m))
