# A paused generator dropped from a container is closed (its finally runs) once the
# statement that dropped it is done, never while the container is locked.
def g():
    try:
        yield
    finally:
        print("fin", len(L))
L = [g()]
next(L[0])
L.clear()
L = [g()]
next(L[0])
L[0] = 1
L = [g()]
next(L[0])
L.pop()
D = {1: g()}
next(D[1])
D[1] = 2
print("end")
