# A method reached through its type takes the value first; the type's own functions
# are reached through the type and through its values.
print(str.title("ab cd"), str.upper("x"), str.join("-", ["a", "b"]))
print(int.to_bytes(8080, 2, 'little'), int.bit_length(255), bool.bit_length(True))
print(bytes.fromhex("0a 0b"), bytearray.fromhex("ff"), b"".fromhex("41"))
print(int.from_bytes(b"\x1f\x90", "big"), (0).from_bytes(b"\x01", "little"))
print(dict.fromkeys("ab", 0), {}.fromkeys([1]))
print(float.fromhex("0x1.8p1"), float.fromhex("-0x10"), (1.0).fromhex("inf"))
print(float.fromhex(" 0x.8 "), float.fromhex("1p-2"))
for bad in ["", "0x", "xyz", "0x1p"]:
    try:
        float.fromhex(bad)
    except ValueError as e:
        print("ValueError:", e)
print((5).as_integer_ratio(), True.as_integer_ratio(), (7).real, (7).imag, (7).denominator)
print(list.__name__, str.maketrans("ab", "xy"), "".maketrans({"a": "b"}))
try:
    str.upper(5)
except TypeError as e:
    print("TypeError:", e)
try:
    str.title()
except TypeError as e:
    print("TypeError:", e)
try:
    int.frobnicate
except AttributeError as e:
    print("AttributeError:", e)
