# Iterating while building, enumerate, zip, and index-based loops.
data = [10, 20, 30]
for i in range(len(data)):
    data[i] = data[i] + i
print(data)
result = []
for i, v in enumerate(data):
    result.append((i, v))
print(result)
names = ["a", "b", "c"]
ports = [1, 2]
print(list(zip(names, ports)), list(enumerate(names, start=10)))
queue = [1, 2, 3]
processed = []
while queue:
    item = queue.pop(0)
    processed.append(item)
    if item == 1:
        queue.append(4)
print(processed, queue)
stack = []
for ch in "(a(b)c)":
    if ch == "(":
        stack.append(ch)
    elif ch == ")":
        stack.pop()
print("balanced", stack == [])
flat = []
for row in [[1, 2], [3], []]:
    flat.extend(row)
print(flat)
squares = [n * n for n in flat]
print(squares, squares.index(9))
sockets = ["s1", "s2", "s3"]
for s in sockets[:]:
    if s == "s2":
        sockets.remove(s)
print(sockets)
