# del removes a name binding.
x = 10
y = x
print(x, y)
del x
print(y)
try:
    print(x)
except NameError as e:
    print("NameError:", e)

a, b = 1, 2
del a, b
try:
    a
except NameError as e:
    print("NameError:", e)

def f():
    z = 3
    del z
    return "deleted local"

print(f())

lst = [1, 2]
alias = lst
del lst
print(alias)
del alias
print("done")
del undefined_name
