# Rounding in float formatting is correct rounding of the exact binary value.
for v in [0.125, 0.375, 2.675, 1.005, 0.5, 1.5, 2.5, -0.5, 0.045, 1e-7, 123.456, 1 / 3]:
    print(repr(v), "%.2f" % v, f"{v:.2f}", "{:.1f}".format(v), f"{v:.0f}", "%.3e" % v, f"{v:g}")
print("%.20f" % 0.1)
print(f"{0.1:.17g} {0.1:.25f}")
print("%.15g %.16g %.17g" % (0.1, 0.1, 0.1))
print(f"{1e16:.0f} {1e22:f} {2.0 ** 70:.1f}")
print(f"{123456789.0:e} {0.0:e} {-0.0:.2f} {float('inf'):.2f} {float('nan'):f}")
print(f"{1.0:g} {10.0:g} {1e6:g} {1e-5:g} {123456.0:g} {1234567.0:g} {0.0001234:g}")
print(f"{5:.2f}", "%f" % 5, "%.1f" % True)
print(str(0.1 + 0.2)[:4], repr(1 / 7))
