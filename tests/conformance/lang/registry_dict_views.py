# dict_keys and dict_items have isdisjoint (dict_values has not), as CPython.
d = {1: "a", 2: "b"}
print(d.keys().isdisjoint([3, 4]), d.keys().isdisjoint({2}), d.items().isdisjoint([(1, "a")]), d.items().isdisjoint([(1, "b")]))
try:
    d.keys().isdisjoint()
except TypeError as e:
    print(e)
try:
    d.keys().isdisjoint(5)
except TypeError as e:
    print(e)
try:
    d.values().isdisjoint([])
except AttributeError as e:
    print(e)
