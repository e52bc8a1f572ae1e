# Class attributes vs instance attributes.
class TCPServer:
    allow_reuse_address = False
    request_queue_size = 5
    address_family = 2

    def __init__(self, address):
        self.server_address = address

class MyServer(TCPServer):
    allow_reuse_address = True

a = TCPServer(("", 8000))
b = MyServer(("127.0.0.1", 9000))
print(a.allow_reuse_address, b.allow_reuse_address, b.request_queue_size)
print(TCPServer.allow_reuse_address, MyServer.allow_reuse_address)
print(a.server_address, b.server_address)
a.allow_reuse_address = "instance"
print(a.allow_reuse_address, TCPServer.allow_reuse_address, MyServer.allow_reuse_address)
TCPServer.request_queue_size = 50
print(a.request_queue_size, b.request_queue_size)
MyServer.request_queue_size = 1
print(a.request_queue_size, b.request_queue_size, TCPServer.request_queue_size)

class Registry:
    items = []
    def add(self, x):
        self.items.append(x)
r1 = Registry()
r2 = Registry()
r1.add(1)
r2.add(2)
print(Registry.items, r1.items is r2.items)

class Counter:
    count = 0
    def __init__(self):
        Counter.count += 1
        self.id = Counter.count
c1, c2, c3 = Counter(), Counter(), Counter()
print(Counter.count, c1.id, c3.id, c1.count)
print(type(c1).__name__, TCPServer.__name__, type(c1) is Counter)
try:
    print(a.missing)
except AttributeError as e:
    print("AttributeError:", e)
try:
    print(TCPServer.missing)
except AttributeError as e:
    print("AttributeError:", e)
print(c2.nothing_here)
