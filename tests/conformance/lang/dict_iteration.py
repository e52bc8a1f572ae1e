# Iterating dicts and views; keys with equal hashes collapse.
d = {1: "int one"}
d[1.0] = "float one"
d[True] = "bool one"
print(d)
d2 = {True: "a", 1: "b", 1.0: "c"}
print(d2)
for k in {"z": 1, "y": 2, "x": 3}:
    print(k)
inventory = {"apples": 3, "pears": 0, "plums": 7}
print([k for k, v in inventory.items() if v > 0])
print(sum(inventory.values()), max(inventory.values()), min(inventory, key=lambda k: inventory[k]))
print(dict(enumerate("abc")))
print(list({"a": 0, "b": 0}))
try:
    for k in inventory:
        inventory[k + "!"] = 1
except RuntimeError as e:
    print("RuntimeError:", e)
print(len(inventory))
