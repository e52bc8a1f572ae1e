# A method is looked up before its arguments are evaluated: a missing method is the
# error, not the argument that would have failed.
import socket


def boom():
    raise ValueError("argument evaluated")


for obj in ["abc", b"abc", [1], {"k": 1}, 3, socket.socket()]:
    try:
        obj.nope(boom())
    except AttributeError as e:
        print("AttributeError:", e)
    except ValueError as e:
        print("ValueError:", e)

# When the method exists, the argument's error is the one raised.
try:
    "abc".upper(boom())
except ValueError as e:
    print("ValueError:", e)

# Arguments still go in order, and a bad one names the call.
try:
    "a-b".split(undefined_name)
except NameError as e:
    print("NameError:", e)
try:
    "a-b".split(*5)
except TypeError as e:
    print("TypeError:", e)
s = socket.socket()
print(s.getblocking(), s.gettimeout())
s.settimeout(2.5)
print(s.getblocking(), s.gettimeout())
s.setblocking(False)
print(s.getblocking(), s.gettimeout())
s.close()
try:
    s.send(b"x")
except OSError as e:
    print("OSError:", e)
try:
    s.recv(1)
except OSError as e:
    print("OSError:", e)
import socket
s = socket.socket()
for f in [lambda: "a".split(*5), lambda: [].append(*5), lambda: s.send(*5), lambda: print(*5), lambda: len(*5), lambda: {}.get(*5), lambda: (5).to_bytes(*5), lambda: socket.socket(*5)]:
    try:
        f()
    except TypeError as e:
        print(e)
s.close()
