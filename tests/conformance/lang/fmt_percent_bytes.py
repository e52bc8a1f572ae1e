# % formatting on bytes.
print(b"%s:%d" % (b"host", 80))
print(b"%d bytes" % 1024, b"%x" % 255, b"%05d" % 42, b"%-4s|" % b"ab")
print(b"%s" % bytearray(b"ba"), b"%c" % 65)
print(b"%%" % (), b"GET %s HTTP/1.0\r\n" % b"/")
try:
    print(b"%s" % "str")
except TypeError as e:
    print("TypeError:", e)
