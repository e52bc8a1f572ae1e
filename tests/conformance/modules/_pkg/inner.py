def greet(name):
    return "hello " + name


print("inner is", __name__, "in", __package__)
