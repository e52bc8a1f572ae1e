# map(): lazy, one call per item asked for, over the shortest of its iterables.
def loud(x):
    print("calling", x)
    return x * 2


m = map(loud, [1, 2, 3])
print("made", type(m).__name__, repr(m).split(" at ")[0], iter(m) is m)
print(next(m))
for v in m:
    print("got", v)
print(list(m))
print(list(map(str, range(3))), list(map(lambda a, b: a * b, [1, 2, 3], "xyz")))
print(list(map(pow, [2, 3], [3, 2], [5, 5])))
print(list(map(len, [])), next(map(abs, [-4]), "none"))
words = map(str.upper, ["ab", "cd"])
print(" ".join(words))
print(list(map(int, "123")))
print(sum(map(int, ["1", "2", "3"])))
squares = map(lambda x: x * x, range(10**12))
print(next(squares), next(squares), next(squares))
for e in ["map(str)", "map()", "map(str, 5)", "map(str, [1], key=1)"]:
    try:
        eval_result = None
        if e == "map(str)":
            map(str)
        elif e == "map()":
            map()
        elif e == "map(str, 5)":
            map(str, 5)
        else:
            map(str, [1], key=1)
    except TypeError as err:
        print(e, "->", err)
