# struct.error messages, and struct.error's place in the hierarchy.
import struct
def show(fn):
    try:
        fn()
    except struct.error as e:
        print("struct.error:", e)
    except TypeError as e:
        print("TypeError:", e)
    except Exception as e:
        print(type(e).__name__ + ":", e)

show(lambda: struct.unpack("!I", b"\x00\x01"))
show(lambda: struct.unpack("!H", b"\x00\x01\x02"))
show(lambda: struct.unpack("!HH", b""))
show(lambda: struct.pack("!B", 256))
show(lambda: struct.pack("!B", -1))
show(lambda: struct.pack("!b", 128))
show(lambda: struct.pack("!H", 65536))
show(lambda: struct.pack("!h", 40000))
show(lambda: struct.pack("!I", -1))
show(lambda: struct.pack("!I", 2 ** 32))
show(lambda: struct.pack("!i", 2 ** 31))
show(lambda: struct.pack("!Q", -1))
show(lambda: struct.pack("!q", 2 ** 63))
show(lambda: struct.pack("!H", "80"))
show(lambda: struct.pack("!H", 1.0))
show(lambda: struct.pack("!H"))
show(lambda: struct.pack("!H", 1, 2))
show(lambda: struct.pack("!4s", "text"))
show(lambda: struct.pack("!Z", 1))
show(lambda: struct.calcsize("!y"))
show(lambda: struct.unpack("!H", "ab"))
show(lambda: struct.pack("!L", -5))
print(struct.error, struct.error.__name__, isinstance(struct.error("x"), Exception))
try:
    struct.unpack("!I", b"abc")
except Exception as e:
    print(type(e).__name__, repr(e), e.args)
struct.unpack("!I", b"\x00")
