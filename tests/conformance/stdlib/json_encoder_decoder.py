import json


class BytesEncoder(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, bytes):
            return {"__bytes__": o.hex()}
        if isinstance(o, set):
            return sorted(o)
        return super().default(o)


msg = {"payload": b"\x00\xff", "tags": {"b", "a"}, "n": 1}
print(json.dumps(msg, cls=BytesEncoder))
print(json.dumps(msg, cls=BytesEncoder, indent=2, sort_keys=True))
print(BytesEncoder().encode([b"x"]), BytesEncoder(separators=(",", ":")).encode({"a": [1, 2]}))
print(json.JSONEncoder().encode({"k": "v"}), json.JSONEncoder(indent=1).item_separator)
print("".join(json.JSONEncoder().iterencode([1, 2])))
try:
    json.dumps({"x": object}, cls=BytesEncoder)
except TypeError as e:
    print("TypeError:", e)


def as_bytes(d):
    if "__bytes__" in d:
        return bytes.fromhex(d["__bytes__"])
    return d


print(json.loads(json.dumps(msg, cls=BytesEncoder), object_hook=as_bytes))


class Decoder(json.JSONDecoder):
    def __init__(self):
        super().__init__(object_hook=as_bytes)


print(json.loads('{"__bytes__": "4142"}', cls=Decoder))

# A stream of JSON messages with no framing: raw_decode takes one off the front.
decoder = json.JSONDecoder()
buffer = '{"op": "hello"}{"op": "data", "n": [1, 2]} {"op": "bye"}'
while buffer:
    obj, end = decoder.raw_decode(buffer)
    print(obj, end)
    buffer = buffer[end:].lstrip()
print(decoder.raw_decode('[1, 2] trailing', 0), decoder.raw_decode("xx42", 2))
for bad in ['{"op": ', " 1", "nope"]:
    try:
        decoder.raw_decode(bad)
    except json.JSONDecodeError as e:
        print(repr(bad), "->", e)
print(decoder.decode("[true]"), json.loads("[1]", cls=json.JSONDecoder))
try:
    json.dumps([1], bogus=True)
except TypeError as e:
    print("TypeError:", e)
try:
    json.loads("[1]", bogus=True)
except TypeError as e:
    print("TypeError:", e)
json.dumps()
