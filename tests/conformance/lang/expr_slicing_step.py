# Slicing with start, stop and step on str, bytes, list, tuple and range.
s = "0123456789"
print(s[2:5], s[:3], s[7:], s[-3:], s[:-3], s[::2], s[1::2], s[::-1])
print(s[8:2:-2], s[-1:-4:-1], s[5:5], s[7:3], s[100:], s[-100:3], s[2:100])
print(repr(s[3:1]), repr(s[::-3]), s[::3])
b = b"abcdef"
print(b[1:4], b[::-1], b[::2], b[4:], b[:0])
lst = [0, 1, 2, 3, 4, 5]
print(lst[1:3], lst[::-1], lst[::2], lst[-2:], lst[:], lst[:] is lst)
t = (10, 20, 30, 40)
print(t[1:], t[::-2], t[:1], t[2:2])
r = range(0, 20, 3)
print(r[1:4], r[::-1], list(r[::2]), r[2])
ba = bytearray(b"xyz")
print(ba[1:], ba[::-1])
i, j = 1, 4
print(s[i:j], s[i:], s[:j], s[-j:-i])
print(s[None:3], s[3:None], s[::None])
try:
    print(s[::0])
except ValueError as e:
    print("ValueError:", e)
try:
    print(lst[1.5:2])
except TypeError as e:
    print("TypeError:", e)
print("hello world"[6:], "hello world"[:5].upper())
