# Socket methods called on globals, locals, attributes and items, with constant,
# variable and computed arguments: every way the interpreter may take to the call.
import socket


a, b = socket.socketpair()
a.send(b"hi")
print(b.recv(1), b.recv(1))
size = 4
b.send(b"abcd")
print(a.recv(size))
b.send(b"xyz")
n = 2
print(a.recv(n))
a.close()
print(a)
a = b
print(a is b)


def local_receivers():
    c, d = socket.socketpair()
    c.sendall(b"one")
    data = d.recv(16)
    d.send(data.upper())
    print(c.recv(3))
    for i in range(3):
        c.send(bytes([65 + i]))
        print(d.recv(1), i)
    c.close()
    print(d.recv(1))
    d.close()
    try:
        d.recv(1)
    except OSError as e:
        print(type(e).__name__, e)


local_receivers()


class Holder:
    pass


h = Holder()
h.s, h.t = socket.socketpair()
h.s.send(b"attr")
print(h.t.recv(10))
pair = list(socket.socketpair())
pair[0].send(b"item")
print(pair[1].recv(10))

# Unbound names: the receiver's error comes first, then the argument's.
try:
    nowhere.send(missing)
except NameError as e:
    print(e)
try:
    b.send(missing)
except NameError as e:
    print(e)
try:
    b.nope(1)
except AttributeError as e:
    print(e)
try:
    b.recv("x")
except TypeError as e:
    print(e)
try:
    b.recv(1, 2, 3, 4, 5)
except TypeError as e:
    print(e)
for s in (b, h.s, h.t, pair[0], pair[1]):
    s.close()
print(b)
