# global lets a function rebind a module-level name.
counter = 0
connections = []

def increment():
    global counter
    counter += 1
    return counter

def add_conn(c):
    connections.append(c)

def read_only():
    return counter * 10

def shadow():
    counter = 100
    return counter

print(increment(), increment(), counter)
add_conn("c1")
add_conn("c2")
print(connections)
print(read_only())
print(shadow(), counter)

def make_new():
    global created
    created = "made inside a function"

make_new()
print(created)

def two():
    global a, b
    a, b = 1, 2

two()
print(a, b)
