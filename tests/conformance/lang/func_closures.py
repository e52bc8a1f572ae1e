# Nested functions reading enclosing names (closures).
def make_counter_label(prefix):
    def label(n):
        return prefix + "#" + str(n)
    return label

conn_label = make_counter_label("conn")
print(conn_label(1), conn_label(2), make_counter_label("x")(0))

def outer():
    a = 1
    def middle():
        b = 2
        def inner():
            return a + b
        return inner
    return middle()()
print(outer())

def late_binding():
    value = "first"
    def show():
        return value
    value = "second"
    return show
print(late_binding()())

def adders():
    result = []
    for i in range(3):
        def add(x, i=i):
            return x + i
        result.append(add)
    return result
print([f(10) for f in adders()])

def shared_list():
    items = []
    def add(x):
        items.append(x)
        return items
    return add
add = shared_list()
add(1)
print(add(2))

def recursive_inner(n):
    def fact(k):
        return 1 if k <= 1 else k * fact(k - 1)
    return fact(n)
print(recursive_inner(20))

x = "global"
def reads_global():
    def inner():
        return x
    return inner()
print(reads_global())
def shadowing():
    x = "enclosing"
    def inner():
        return x
    return inner()
print(shadowing(), x)
