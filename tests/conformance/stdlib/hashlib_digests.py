# hashlib: digests, update/copy, new(name), a WebSocket accept key; CPython's errors.
import hashlib, base64
h = hashlib.sha256(b"abc")
print(h.hexdigest(), h.name, h.digest_size, h.block_size, repr(h).startswith("<sha256 _hashlib.HASH object @ 0x"))
h.update(b"def")
print(h.hexdigest() == hashlib.sha256(b"abcdef").hexdigest(), h.digest()[:4])
c = h.copy(); c.update(b"!")
print(c.hexdigest() != h.hexdigest())
for name in ["md5", "sha1", "sha224", "sha384", "sha512"]:
    print(name, getattr(hashlib, name)(b"socket").hexdigest(), hashlib.new(name, b"socket").hexdigest() == getattr(hashlib, name)(b"socket").hexdigest())
print(hashlib.new("SHA256").name, hashlib.md5().hexdigest(), hashlib.sha1(bytearray(b"x")).hexdigest())
key = "dGhlIHNhbXBsZSBub25jZQ=="
accept = base64.b64encode(hashlib.sha1((key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").encode()).digest()).decode()
print("websocket accept", accept)
for bad in ["'x'", "5", "None"]:
    try:
        hashlib.sha256({"'x'": "x", "5": 5, "None": None}[bad])
    except TypeError as e:
        print(e)
try:
    hashlib.new("nope")
except ValueError as e:
    print(e)
print(sorted(hashlib.algorithms_guaranteed & {"md5", "sha256"}))
