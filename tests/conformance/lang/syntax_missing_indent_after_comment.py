def f():
    # only a comment in the body

x = 1
