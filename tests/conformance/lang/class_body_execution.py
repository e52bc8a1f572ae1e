# A class body runs once, top to bottom, when the class statement executes.
print("before class")
class Config:
    print("inside class body")
    port = 8000
    backlog = port // 1000
    names = ["a", "b"]
    doubled = [n * 2 for n in [1, 2, 3]]
    def describe(self):
        return "port=%d backlog=%d" % (self.port, self.backlog)
    print("end of class body, port =", port)
print("after class")
print(Config.port, Config.backlog, Config.names, Config.doubled)
print(Config().describe())
if Config.port > 1024:
    class Unprivileged:
        kind = "high"
else:
    class Unprivileged:
        kind = "low"
print(Unprivileged.kind)
def make_class(value):
    class Made:
        v = value
        def get(self):
            return self.v
    return Made
M1 = make_class(1)
M2 = make_class(2)
print(M1().get(), M2().get(), M1 is M2, type(M1()).__name__)
