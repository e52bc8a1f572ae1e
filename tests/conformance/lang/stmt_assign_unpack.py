# Tuple/list unpacking in assignments, the way accept() results are used.
pair = ("127.0.0.1", 40000)
host, port = pair
print(host, port)
print(repr(host), repr(port))

conn, addr = "conn-object", ("10.0.0.5", 51234)
print(conn, addr)
ip, p = addr
print(ip, p)

[a, b, c] = [1, 2, 3]
print(a, b, c)
(x, y) = 10, 20
print(x, y)
x, y = y, x
print("swapped:", x, y)

(p, q), r = (1, 2), 3
print(p, q, r)
first, (second, third) = "a", ("b", "c")
print(first, second, third)

s1, s2, s3 = "abc"
print(s1, s2, s3)
b1, b2 = b"hi"
print(b1, b2)
k1, k2 = {"one": 1, "two": 2}
print(k1, k2)
for i, (name, val) in [(0, ("x", 1)), (1, ("y", 2))]:
    print(i, name, val)

try:
    u, v = (1, 2, 3)
except ValueError as e:
    print("ValueError:", e)
try:
    u, v, w = (1, 2)
except ValueError as e:
    print("ValueError:", e)
try:
    u, v = 5
except TypeError as e:
    print("TypeError:", e)
