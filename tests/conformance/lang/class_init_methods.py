# __init__, methods, self, calling methods through the class.
class Connection:
    def __init__(self, host, port=80):
        self.host = host
        self.port = port
        self.sent = 0

    def send(self, data):
        self.sent += len(data)
        return len(data)

    def address(self):
        return (self.host, self.port)

    def describe(self):
        return "%s:%d sent=%d" % (self.host, self.port, self.sent)

c = Connection("example.com")
print(c.send(b"hello"), c.send(b"!"), c.describe())
print(c.address(), Connection.address(c), Connection("x", 1).address())
m = c.describe
c.sent = 100
print(m())
print(type(c).__name__, isinstance(c, Connection), isinstance(c, object))

class NoInit:
    def hello(self):
        return "hello from " + type(self).__name__
print(NoInit().hello())

class Chain:
    def __init__(self):
        self.log = []
    def step(self, name):
        self.log.append(name)
        return self
print(Chain().step("a").step("b").step("c").log)

try:
    Connection()
except TypeError as e:
    print("TypeError:", e)
try:
    c.send()
except TypeError as e:
    print("TypeError:", e)
try:
    c.send(b"a", b"b")
except TypeError as e:
    print("TypeError:", e)
try:
    NoInit(1)
except TypeError as e:
    print("TypeError:", e)
try:
    Connection.send(b"x")
except TypeError as e:
    print("TypeError:", e)

class BadInit:
    def __init__(self):
        return 5
BadInit()
