# memoryview: a window on bytes and bytearray; slices are views that write through.
ba = bytearray(b"hello world")
mv = memoryview(ba)
print(len(mv), mv[0], mv[-1], mv.nbytes, mv.readonly, mv.format, mv.itemsize, mv.ndim, mv.shape, mv.strides)
print(type(mv), type(mv[1:3]), memoryview)
sub = mv[6:]
print(sub.tobytes(), bytes(sub), sub.hex(), len(sub), sub.nbytes)
sub[0:5] = b"WORLD"
print(ba)
mv[0] = 72
print(ba, mv.tobytes())
print(mv == b"Hello WORLD", mv == ba, b"Hello WORLD" == mv, mv == mv[:], mv != b"x", mv == "Hello WORLD")
print(b"abc" + memoryview(b"def"), bytearray(b"x") + memoryview(b"yz"))
print(b"-".join([memoryview(b"a"), b"b"]), b"".join([memoryview(b"one"), memoryview(b"two")]))
print(bytes(memoryview(b"xyz")), bytearray(memoryview(b"xyz")), list(memoryview(b"ab")))
print(mv[::2].tobytes(), mv[::-1].tobytes(), mv[1:8:3].tobytes(), mv[::-2][1:3].tobytes())
print(memoryview(b"abc").tolist(), memoryview(b"\x01\xff").hex(":"), mv.obj is ba)
print(97 in memoryview(b"abc"), 100 in memoryview(b"abc"))
print([b for b in memoryview(b"\x00\x10")], memoryview(memoryview(b"nested")).tobytes())
view = memoryview(bytearray(8))
view[2:4] = memoryview(b"ab")
view[-1] = 255
print(view.obj, isinstance(view, memoryview), bool(memoryview(b"")))
ro = memoryview(b"read only")
print(ro.readonly, ro[5:].readonly, ro.toreadonly().tobytes())
with memoryview(b"ctx") as m3:
    print(m3.tobytes())
print(repr(m3).startswith("<released memory at 0x"), repr(ro).startswith("<memory at 0x"))
m4 = memoryview(ba)
m4.release()
m4.release()
print(m4.obj is ba)
