# bool(), any() and all().
print(bool(), bool(0), bool(1), bool(""), bool(" "), bool([]), bool([[]]), bool(()), bool({}), bool(None))
print(bool(0.0), bool(float("nan")), bool(b""), bool(b"\x00"), bool(range(0)), bool(set()), bool(bytearray()))
print(any([]), all([]), any([0, "", None]), any([0, "x"]), all([1, "x", [0]]), all([1, 0]))
print(any("abc"), all(""), any(range(0)), all(range(1, 5)), any(b"\x00"), all(b"\x01\x02"))
ports = [80, 443, 8080]
print(any([p > 1024 for p in ports]), all([p > 0 for p in ports]), all([p < 1024 for p in ports]))
class Plain:
    pass
print(bool(Plain()))
try:
    any(5)
except TypeError as e:
    print("TypeError:", e)
