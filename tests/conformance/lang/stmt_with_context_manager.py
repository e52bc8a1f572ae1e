# with on a user class: __enter__ result is bound by as, __exit__ always runs.
class Resource:
    def __init__(self, name):
        self.name = name
        self.closed = False
        print("init", name)

    def __enter__(self):
        print("enter", self.name)
        return self

    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type is None, exc is None, tb is None)
        self.closed = True
        return False

with Resource("a") as r:
    print("inside, closed =", r.closed)
print("after, closed =", r.closed)

with Resource("b"):
    print("no as target")

with Resource("outer") as o:
    with Resource("inner") as i:
        print("nested", o.name, i.name)

with Resource("x") as x, Resource("y") as y:
    print("two managers", x.name, y.name)

def use():
    with Resource("ret") as r:
        return "returned from inside with"

print(use())

for n in range(3):
    with Resource("loop" + str(n)):
        if n == 1:
            break
print("loop done")

class Other:
    def __enter__(self):
        return 42
    def __exit__(self, t, v, tb):
        pass

with Other() as value:
    print("as binds __enter__'s result:", value)
