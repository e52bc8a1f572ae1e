# The name bound by "except ... as e" is deleted when the handler ends.
e = "before"
try:
    raise ValueError("inside")
except ValueError as e:
    print("in handler:", repr(e))
saved = None
try:
    raise KeyError("kept")
except KeyError as err:
    saved = err
print("saved survives:", repr(saved))
try:
    print(err)
except NameError as ne:
    print("NameError:", ne)
print("e is gone too:")
print(e)
