# An inconsistent base order cannot be linearised: TypeError at class creation.
class A:
    pass

class B(A):
    pass

class Fine(B, A):
    pass
print("Fine is fine:", isinstance(Fine(), A))

try:
    class Bad(A, B):
        pass
except TypeError as e:
    print("TypeError:", e)

class X:
    pass
class Y:
    pass
class XY(X, Y):
    pass
class YX(Y, X):
    pass
try:
    class Z(XY, YX):
        pass
except TypeError as e:
    print("TypeError:", e)
try:
    class Dup(A, A):
        pass
except TypeError as e:
    print("TypeError:", e)
print("now uncaught:")
class Boom(XY, YX):
    pass
