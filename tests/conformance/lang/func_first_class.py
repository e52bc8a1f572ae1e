# Functions as values: passed, stored, returned; type name.
def double(x):
    return x * 2
def apply(fn, value):
    return fn(value)
handlers = {"double": double, "upper": lambda s: s.upper()}
print(apply(double, 21), apply(handlers["upper"], "abc"))
ops = [double, abs, str, len]
print([op(-3) if op is not len else op("abc") for op in ops])
print(type(double).__name__, type(len).__name__, type(lambda: 0).__name__)
alias = double
print(alias(5), alias is double)
def compose(f, g):
    def h(x):
        return f(g(x))
    return h
print(compose(double, double)(3), compose(str, abs)(-7) + "!")
print(sorted(["bb", "a", "ccc"], key=len), max([-5, 3, -1], key=abs))
print(double == alias, double != compose)
