# Assignment to subscripts and attributes.
d = {}
d["host"] = "localhost"
d[("127.0.0.1", 80)] = "web"
d[1] = "one"
d[1.0] = "float one"
d[True] = "bool one"
print(d)
print(len(d))

lst = [0, 1, 2, 3, 4]
lst[0] = "zero"
lst[-1] = "last"
print(lst)
lst[1:3] = ["a", "b", "c"]
print(lst)
lst[:] = []
print(lst)

ba = bytearray(b"hello")
ba[0] = 72
print(ba)

class Server:
    def __init__(self):
        self.n = 0
        self.clients = []

srv = Server()
srv.n = 3
srv.clients.append("c1")
srv.name = "echo"
print(srv.n, srv.clients, srv.name)

grid = [[0, 0], [0, 0]]
grid[1][0] = 9
print(grid)

try:
    lst[5] = 1
except IndexError as e:
    print("IndexError:", e)
try:
    t = (1, 2)
    t[0] = 5
except TypeError as e:
    print("TypeError:", e)
try:
    "abc"[0] = "x"
except TypeError as e:
    print("TypeError:", e)
