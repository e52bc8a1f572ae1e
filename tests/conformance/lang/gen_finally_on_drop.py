# A generator dropped unfinished is closed: its finally block runs at once.
def lines():
    try:
        yield "one"
        yield "two"
    finally:
        print("finally ran")


g = lines()
print(next(g))
del g
print("after del")


def reader():
    for item in lines():
        return item


print(reader())
print("after return")
for word in lines():
    print(word)
    break
print("after break")
print(next(lines()))
pair = [next(lines()), "second"]
print(pair)
