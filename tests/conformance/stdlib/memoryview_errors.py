# memoryview's errors, as CPython words them.
ba = bytearray(b"hello world")
mv = memoryview(ba)
ro = memoryview(b"ro")
done = memoryview(b"gone")
done.release()
tests = [
    ("write read-only", lambda: ro.__setitem__(0, 1)),
    ("released tobytes", lambda: done.tobytes()),
    ("released len", lambda: len(done)),
    ("released index", lambda: done[0]),
    ("released nbytes", lambda: done.nbytes),
    ("sizes differ", lambda: mv.__setitem__(slice(0, 2), b"abc")),
    ("index too far", lambda: mv[20]),
    ("negative too far", lambda: mv[-12]),
    ("str", lambda: memoryview("str")),
    ("int", lambda: memoryview(5)),
    ("list", lambda: memoryview([1, 2])),
    ("byte too big", lambda: mv.__setitem__(0, 300)),
    ("bytes as item", lambda: mv.__setitem__(0, b"a")),
    ("view + bytes", lambda: mv + b"x"),
    ("str key", lambda: mv["a"]),
    ("float key", lambda: mv[1.5]),
    ("no argument", lambda: memoryview()),
    ("str slice value", lambda: mv.__setitem__(slice(0, 1), "a")),
]
for name, f in tests:
    try:
        print(name, f())
    except Exception as e:
        print(name, type(e).__name__, e)
with memoryview(b"x") as m:
    pass
m.tobytes()
