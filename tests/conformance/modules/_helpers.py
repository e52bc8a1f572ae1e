# A program's own module, imported by the import_* programs beside it.
print("loading _helpers as", __name__)
COUNT = 0


def double(x):
    return 2 * x


def bump():
    global COUNT
    COUNT += 1
    return COUNT
