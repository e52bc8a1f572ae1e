def f(**kw, timeout=1):
    pass
