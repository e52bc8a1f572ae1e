# str.encode to bytes, and decoding back.
print("hello".encode())
print("hello".encode("utf-8"), "hello".encode("ascii"), "hello".encode(encoding="utf-8"))
print("héllo".encode(), "日本".encode("utf-8"), "😀".encode())
print("é".encode("latin-1"), "é".encode("utf8"), "é".encode("UTF-8"))
print(len("héllo"), len("héllo".encode()))
msg = "GET / HTTP/1.0\r\n\r\n"
print(msg.encode())
print(type("x".encode()).__name__, "x".encode() == b"x")
print("héllo".encode().decode(), "héllo".encode().decode("utf-8") == "héllo")
try:
    "héllo".encode("ascii")
except ValueError as e:
    print(type(e).__name__, isinstance(e, ValueError))
    print(e)
try:
    b"\xff".decode()
except ValueError as e:
    print(type(e).__name__, isinstance(e, ValueError))
    print(e)
