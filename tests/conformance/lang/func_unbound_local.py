# Assigning a name anywhere in a function makes it local everywhere in that function.
counter = 0

def broken():
    print("about to read counter")
    print(counter)
    counter = 5

try:
    broken()
except NameError as e:
    print(type(e).__name__)
    print(e)
    print(isinstance(e, NameError))

def fine():
    return counter + 1

print(fine())

def later():
    total = 0
    for i in range(3):
        total += i
    return total

print(later())
broken()
