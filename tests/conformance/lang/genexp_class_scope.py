class A:
    offset = 1
    values = list(x + offset for x in range(3))
