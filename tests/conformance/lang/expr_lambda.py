# lambda expressions: defaults, closures, as sort keys.
add = lambda a, b: a + b
print(add(2, 3), add("x", "y"))
square = lambda x: x * x
print(square(12))
greet = lambda name="world": "hello " + name
print(greet(), greet("bob"), greet(name="ann"))
no_args = lambda: 42
print(no_args())
pairs = [(3, "c"), (1, "a"), (2, "b")]
print(sorted(pairs, key=lambda p: p[1]))
print(sorted(pairs, key=lambda p: -p[0]))
print(max(["aa", "b", "cccc"], key=lambda s: len(s)))
def make_adder(n):
    return lambda x: x + n
add5 = make_adder(5)
print(add5(10), make_adder(-1)(1))
fs = [lambda x, i=i: x + i for i in range(3)]
print([f(100) for f in fs])
late = [lambda x: x + i for i in range(3)]
print([f(100) for f in late])
print((lambda: "immediately called")())
print(type(add).__name__)
compose = lambda f, g: lambda x: f(g(x))
print(compose(str, square)(9) + "!")
