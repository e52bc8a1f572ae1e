# assert with and without a message.
assert True
assert 1 == 1, "never shown"
try:
    assert False
except AssertionError as e:
    print(repr(e), e.args, repr(str(e)))
try:
    assert 1 + 1 == 3, "math is broken"
except AssertionError as e:
    print(repr(e), e.args, str(e))
try:
    x = []
    assert x, "empty list: %r" % x
except AssertionError as e:
    print("AssertionError:", e)
try:
    assert None, ("tuple", 1)
except AssertionError as e:
    print(repr(e), e.args)
count = 0
def bump():
    global count
    count += 1
    return "message"
assert True, bump()
print("message not evaluated when true:", count)
data = b"HELLO"
assert data.startswith(b"HE"), "bad greeting"
port = 70000
assert 0 <= port < 65536, "port out of range: %d" % port
print("not reached")
