import io
import json

s = io.StringIO()
print(s.write("hello\n"), s.write("wörld\n"), s.tell(), repr(s.getvalue()))
s.seek(0)
print(repr(s.readline()), repr(s.read()), repr(s.read()))
print(s.seek(0, io.SEEK_END), s.seek(0, 1), s.seek(2))
s.write("LL")
print(repr(s.getvalue()), s.truncate(), repr(s.getvalue()))
t = io.StringIO("a\nb\nc")
print(t.readlines(), t.tell())
t.seek(0)
for line in t:
    print("line:", repr(line))
t.seek(0)
print(t.readlines(2))
buf = io.StringIO()
print("to a buffer", 42, sep=", ", file=buf)
print(repr(buf.getvalue()))
json.dump({"k": [1, 2]}, buf)
buf.seek(0)
buf.readline()
print(json.load(buf))
print(json.load(io.StringIO('{"from": "StringIO"}')))
out = io.BytesIO()
out.write(json.dumps({"n": 1}).encode())
print(json.loads(out.getvalue()))
with io.StringIO("x") as w:
    pass
print(w.closed, io.StringIO(None).getvalue() == "")
w2 = io.StringIO()
w2.seek(3)
w2.write("z")
print(repr(w2.getvalue()))
w2.writelines(["1", "2"])
print(repr(w2.getvalue()))


def attempt(fn):
    try:
        fn()
    except (ValueError, TypeError, OSError) as e:
        print(type(e).__name__ + ":", e)


attempt(lambda: io.StringIO().write(b"bytes"))
attempt(lambda: io.StringIO(b"bytes"))
attempt(lambda: io.StringIO("x").seek(-1))
attempt(lambda: io.StringIO("x").seek(1, 1))
attempt(lambda: io.StringIO("x").seek(1, 2))
attempt(lambda: w.getvalue())
w.write("x")
