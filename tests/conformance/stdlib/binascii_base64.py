import base64
import binascii

data = b"\x00\x01\xfe\xffhi"
print(binascii.hexlify(data), binascii.b2a_hex(data), data.hex())
print(binascii.hexlify(data, "-"), binascii.hexlify(data, b":", 2), binascii.hexlify(data, " ", -4))
print(binascii.unhexlify(b"0001feff6869"), binascii.a2b_hex("DEADbeef"), binascii.unhexlify(bytearray(b"41")))
print(binascii.crc32(b"hello"), binascii.crc32(b""), binascii.crc32(b"world", binascii.crc32(b"hello ")))
print(binascii.crc32(b"hello world") == binascii.crc32(b"world", binascii.crc32(b"hello ")))
print(binascii.b2a_base64(b"hello"), binascii.b2a_base64(b"", newline=False), binascii.a2b_base64("aGVsbG8="))
print(binascii.a2b_base64(b"aGVs\nbG8=\n"), binascii.a2b_base64(b"aG!Vs"), binascii.a2b_base64(b"aGk==junk"))
for n in range(7):
    raw = bytes(range(250, 250 + n)) if n < 6 else b"\xfb\xff\xbf"
    enc = base64.b64encode(raw)
    print(n, enc, base64.b64decode(enc) == raw, base64.urlsafe_b64encode(raw), base64.b16encode(raw))
print(base64.b64decode("aGVsbG8gd29ybGQ="), base64.standard_b64decode(b"YQ=="), base64.standard_b64encode(b"a"))
print(base64.b64encode(b"\xfb\xff", altchars=b"-_"), base64.b64decode(b"-_8=", altchars="-_"))
print(base64.urlsafe_b64decode("-_8="), base64.b16decode("48690a"[:4].upper()), base64.b16decode(b"4869", True))
print(base64.b16decode("6869", casefold=True), base64.encodebytes(b"x" * 60), base64.decodebytes(b"eHh4\n"))
print(issubclass(binascii.Error, ValueError), binascii.Error.__name__)


def attempt(fn):
    try:
        fn()
    except (binascii.Error, TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)


attempt(lambda: binascii.unhexlify(b"abc"))
attempt(lambda: binascii.unhexlify(b"zz"))
attempt(lambda: binascii.unhexlify("é"))
attempt(lambda: binascii.hexlify("text"))
attempt(lambda: binascii.a2b_base64(b"abc"))
attempt(lambda: binascii.a2b_base64(b"abcde"))
attempt(lambda: base64.b64decode(b"ab!c", validate=True))
attempt(lambda: base64.b64decode(b"ab=c", validate=True))
attempt(lambda: base64.b64decode(b"=abc", validate=True))
attempt(lambda: base64.b64decode(b"YQ==YQ==", validate=True))
attempt(lambda: base64.b64encode("text"))
attempt(lambda: base64.b16decode(b"ab"))
attempt(lambda: base64.b16decode(b"0"))
attempt(lambda: binascii.crc32("x"))
base64.b64decode("YWJj=")
