# An exception raised without arguments: the last line is just the class name.
class Done(Exception):
    pass
print("raising")
raise Done()
