# Raising SystemExit directly behaves like sys.exit; an int code larger than 255 wraps.
print("exiting with SystemExit(256 + 5)")
raise SystemExit(261)
