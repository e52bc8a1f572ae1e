def f(a):
    pass
f(a=1, a=2)
