# TypeError messages for bad calls.
def f(a, b, c=3):
    return a + b + c

def g():
    return 0

not_callable_str = "abc"
not_callable_none = None

tests = [
    lambda: f(1),
    lambda: f(),
    lambda: f(1, 2, 3, 4),
    lambda: f(1, 2, d=4),
    lambda: f(1, 2, a=1),
    lambda: g(1),
    lambda: g(x=1),
    lambda: (lambda x: x)(),
    lambda: len(),
    lambda: len(1, 2),
    lambda: len(5),
    lambda: not_callable_str(),
    lambda: not_callable_none(),
    lambda: abs("x"),
    lambda: ord("ab"),
    lambda: chr(-1),
]
for t in tests:
    try:
        t()
    except TypeError as e:
        print("TypeError:", e)
    except ValueError as e:
        print("ValueError:", e)
def h(x, y):
    return x * y
print(h(y=2, x=3))
h(1, 2, 3)
