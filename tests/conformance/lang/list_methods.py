# list methods append pop remove extend index.
clients = []
clients.append("c1")
clients.append(("10.0.0.1", 5000))
clients.append([1, 2])
print(clients, len(clients))
print(clients.append("x"))
print(clients.pop(), clients)
print(clients.pop(0), clients)
print(clients.pop(-1), clients)
lst = [3, 1, 4, 1, 5, 9, 2, 6]
lst.remove(1)
print(lst)
print(lst.index(1), lst.index(5), lst.index(9, 2), lst.index(4, 0, 3))
lst.extend([7, 8])
lst.extend((0,))
lst.extend("ab")
lst.extend(range(2))
lst.extend(b"\x01")
print(lst)
print(lst.extend([]), lst.remove("a"), lst)
a = [1, 2]
a.extend(a)
print(a)
try:
    [].pop()
except IndexError as e:
    print("IndexError:", e)
try:
    [1].pop(5)
except IndexError as e:
    print("IndexError:", e)
try:
    [1, 2].remove(3)
except ValueError as e:
    print("ValueError:", e)
try:
    [1, 2].index(3)
except ValueError as e:
    print("ValueError:", e)
try:
    ["a"].index("b")
except ValueError as e:
    print("ValueError:", e)
try:
    [].extend(5)
except TypeError as e:
    print("TypeError:", e)
