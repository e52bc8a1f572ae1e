# if / elif / else with various truthy and falsy values.
def classify(x):
    if x < 0:
        return "negative"
    elif x == 0:
        return "zero"
    elif x < 10:
        return "small"
    else:
        return "large"

for v in [-5, 0, 3, 10, 2 ** 100]:
    print(v, classify(v))

values = [0, 1, -1, 0.0, 0.5, "", "a", b"", b"\x00", [], [0], (), (None,), {}, {"k": 0}, None, True, False, set(), range(0), range(1)]
for v in values:
    if v:
        print(repr(v), "is truthy")
    else:
        print(repr(v), "is falsy")

x = 7
if x > 5: print("one-line if")
if x > 100:
    pass
else:
    print("else branch")

if x:
    if x % 2:
        print("odd")
    else:
        print("even")
