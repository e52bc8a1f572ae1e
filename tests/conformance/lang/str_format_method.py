# str.format with positional, numbered, named fields and format specs.
print("{} {}".format("a", "b"))
print("{1} {0} {1}".format("x", "y"))
print("{host}:{port}".format(host="localhost", port=80))
print("{0}:{port}".format("127.0.0.1", port=8080))
print("{:>8}|{:<8}|{:^8}|".format("r", "l", "c"))
print("{:*^11}|{:-<5}|{:0>4}".format("mid", "a", 7))
print("{:5d}|{:<5d}|{:05d}|{:+d}|{: d}".format(42, 42, 42, 42, 42))
print("{:x} {:X} {:04x} {:#x} {:b} {:o} {:08b}".format(255, 255, 10, 255, 5, 8, 5))
print("{:.2f} {:8.3f} {:.0f} {:e} {:.1e} {:%} {:.1%}".format(3.14159, 2.5, 2.5, 12345.678, 0.000123, 0.25, 0.125))
print("{:g} {:g} {:g} {:g}".format(1e16, 0.0001, 123456789.0, 100.0))
print("{:,} {:_} {:,.2f}".format(1234567, 1234567, 1234567.891))
print("{!r} {!s} {!r}".format("s", "s", 3))
print("{0!r:>10}|".format("x"))
print("{{literal}} {}".format(1))
print("{} {}".format([1, 2], {"a": (1,)}))
print("{}".format(None), "{}".format(True), "{:d}".format(True), "{:>5}".format(True))
print("{:10}|{:10}|".format("str", 123))
print("{:.3}|{:.3}|".format("abcdef", 3.14159))
try:
    "{} {}".format(1)
except IndexError as e:
    print("IndexError:", e)
try:
    "{x}".format(y=1)
except KeyError as e:
    print("KeyError:", e)
try:
    "{:d}".format("s")
except ValueError as e:
    print("ValueError:", e)
try:
    "{:d}".format(1.5)
except ValueError as e:
    print("ValueError:", e)
