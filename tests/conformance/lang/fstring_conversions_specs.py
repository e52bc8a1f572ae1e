# f-string conversions (!r !s) and format specs.
s = "hi"
n = 255
f = 3.14159
print(f"{s!r} {s!s} {s}")
print(f"{b'x'!r} {1.0!r} {[s]!r} {None!r}")
print(f"[{s:>8}] [{s:<8}] [{s:^10}] [{s:*^9}] [{s:8}]")
print(f"[{n:>8}] [{n:<8}] [{n:^8}] [{n:8}] [{n:08}]")
print(f"{n:04x} {n:x} {n:X} {n:#06x} {n:b} {n:o} {1:02x}")
print(f"{f:.2f} {f:8.3f} {f:<8.1f}| {f:+.2f} {-f:.2f} {f:.0f} {0.5:.0f} {1.5:.0f} {2.5:.0f}")
print(f"{f:e} {f:.2e} {1e16:g} {f:g} {1234.5:,.1f} {0.25:.0%}")
print(f"{n:,} {2 ** 40:,} {n:+} {-n:5} {n:<5}|")
print(f"{s!r:>8}|{s!r:<8}|")
print(f"{True:>6}|{True!s:>6}|{None!s:>6}|")
width = 10
prec = 3
print(f"[{s:>{width}}] [{f:.{prec}f}] [{n:{'>'}{width}}]")
for v in [0, 7, 42, 255, 4096]:
    print(f"{v:5d} {v:04x} {v:08b} {v:>6}")
for name, val in [("alpha", 1.5), ("beta", 22.25), ("gamma", 333.125)]:
    print(f"{name:<8}|{val:>10.2f}|")
try:
    print(f"{s:d}")
except ValueError as e:
    print("ValueError:", e)
try:
    print(f"{f:x}")
except ValueError as e:
    print("ValueError:", e)
try:
    print(f"{[1]:>5}")
except TypeError as e:
    print("TypeError:", e)
