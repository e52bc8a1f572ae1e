import io
import json
import struct

b = io.BytesIO()
print(b.write(b"hello "), b.write(bytearray(b"world")), b.tell(), b.getvalue())
b.seek(0)
print(b.read(5), b.tell(), b.read(), b.read(), b.tell())
print(b.seek(-5, 2), b.read(2), b.seek(1, 1), b.read(), b.seek(0, io.SEEK_SET))
b.seek(20)
b.write(b"!")
print(b.getvalue())
b.seek(0)
b.write(b"J")
print(b.getvalue()[:6], b.truncate(3), b.getvalue(), b.tell())
r = io.BytesIO(b"line one\nline two\nlast")
print(r.readline(), r.readline(4), r.readline(), r.readline(), r.readline())
r.seek(0)
print(r.readlines())
r.seek(0)
print([line for line in r])
frame = io.BytesIO()
for msg in [b"ping", b"hello there"]:
    frame.write(struct.pack("!H", len(msg)) + msg)
data = io.BytesIO(frame.getvalue())
while True:
    header = data.read(2)
    if not header:
        break
    (n,) = struct.unpack("!H", header)
    print("message", data.read(n))
with io.BytesIO(b"ctx") as f:
    print(f.read(), f.closed, f.readable(), f.writable(), f.seekable())
print(f.closed, isinstance(f, io.BytesIO), type(f).__name__)


def attempt(fn):
    try:
        fn()
    except (ValueError, TypeError, OSError) as e:
        print(type(e).__name__ + ":", e)


attempt(lambda: f.read())
attempt(lambda: f.getvalue())
attempt(lambda: io.BytesIO().write("text"))
attempt(lambda: io.BytesIO(b"x").seek(-1))
attempt(lambda: io.BytesIO(b"x").seek(0, 3))
attempt(lambda: io.BytesIO(b"x").truncate(-1))
f.write(b"late")
