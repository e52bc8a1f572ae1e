# Functions, methods and built-ins have __call__, as every callable does.
def f(x):
    return x + 1


class A:
    def m(self):
        return "m"


print(hasattr(f, "__call__"), hasattr(A().m, "__call__"), hasattr(len, "__call__"))
print(f.__call__(1), A().m.__call__(), len.__call__("abc"), hasattr(5, "__call__"))
