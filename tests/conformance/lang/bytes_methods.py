# bytes methods: decode upper lower strip split join startswith endswith hex find.
data = b"  GET /index.html HTTP/1.1\r\n"
print(data.strip(), data.lstrip(), data.rstrip(), data.strip(b" \r\nG"))
print(data.split(), data.split(b" "), data.strip().split(b" ", 1))
print(b"a,b,,c".split(b","), b"".split(), b"".split(b","))
print(b"x".join([b"1", b"2", b"3"]), b"".join([b"ab", b"cd"]), b", ".join([]))
print(b"Hello".upper(), b"Hello".lower(), b"caf\xc3\xa9".upper())
print(b"hello".startswith(b"he"), b"hello".endswith(b"lo"), b"hello".startswith((b"x", b"h")))
print(b"hello".find(b"l"), b"hello".find(b"z"), b"hello".find(108), b"hello".find(b"l", 3))
print(b"\x00\x01\xab\xff".hex(), b"".hex(), b"AB".hex(), bytes(range(4)).hex())
print(b"hello".decode(), b"caf\xc3\xa9".decode("utf-8"), b"\xe9".decode("latin-1"))
print(b"abc".decode("ascii"), repr(b"".decode()))
print(b"line1\r\nline2\r\n".split(b"\r\n"))
req = b"GET / HTTP/1.0\r\nHost: example.com\r\n\r\nbody"
i = req.find(b"\r\n\r\n")
head, body = req[:i], req[i + 4:]
print(head, body)
print(b"\t x \n".strip(), b"xxaxx".strip(b"x"))
try:
    b"a".join(["b", "c"])
except TypeError as e:
    print("TypeError:", e)
try:
    b"abc".startswith("a")
except TypeError as e:
    print("TypeError:", e)
try:
    b"abc".split("b")
except TypeError as e:
    print("TypeError:", e)
try:
    b"\xc3".decode()
except ValueError as e:
    print(type(e).__name__ + ":", e)
