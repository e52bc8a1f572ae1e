# Defaults, keyword arguments, mixing positional and keyword.
def connect(host, port=80, timeout=None, retries=3):
    return "%s:%d timeout=%r retries=%d" % (host, port, timeout, retries)

print(connect("a"))
print(connect("a", 8080))
print(connect("a", 8080, 5.0))
print(connect("a", retries=1))
print(connect(host="b", port=22))
print(connect("c", timeout=0.5, port=443))
print(connect(retries=0, timeout=1, port=1, host="d"))

def append_to(item, target=[]):
    target.append(item)
    return target

print(append_to(1), append_to(2), append_to(3, []))
counter = 10
def snapshot(value=counter):
    return value
counter = 20
print(snapshot(), snapshot(counter))

def kw_only_default(a, b=2, c=3):
    return (a, b, c)
print(kw_only_default(1, c=30), kw_only_default(1, 20), kw_only_default(a=0))

def nothing():
    return
def implicit():
    x = 1
print(nothing(), implicit())
def multi():
    return 1, "two", [3]
r = multi()
print(r, type(r).__name__)
a, b, c = multi()
print(a, b, c)
def early(x):
    if x > 0:
        return "positive"
    print("not positive")
print(early(1), early(-1))
