data = [2, 1, 0]
total = sum(10 // x for x in data)
print(total)
