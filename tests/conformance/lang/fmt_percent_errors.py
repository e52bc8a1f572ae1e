# % formatting errors.
try:
    print("%s %s" % ("only one",))
except TypeError as e:
    print("TypeError:", e)
try:
    print("%s" % ("a", "b"))
except TypeError as e:
    print("TypeError:", e)
try:
    print("%d" % "str")
except TypeError as e:
    print("TypeError:", e)
try:
    print("%x" % 1.5)
except TypeError as e:
    print("TypeError:", e)
try:
    print("%z" % 1)
except ValueError as e:
    print("ValueError:", e)
try:
    print("%" % ())
except ValueError as e:
    print("ValueError:", e)
try:
    print("%(k)s" % {"j": 1})
except KeyError as e:
    print("KeyError:", e)
try:
    print("%f" % "x")
except TypeError as e:
    print("TypeError:", e)
try:
    print("%c" % 1114112)
except OverflowError as e:
    print("OverflowError:", e)
try:
    print("%s %d" % ["a", 1])
except TypeError as e:
    print("TypeError:", e)
print("%s" % ["a", 1])
print("%d%%" % 5)
print("done %s" % "ok")
print("%d items" % "3")
