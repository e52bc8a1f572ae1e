# bytes.hex(sep, bytes_per_sep): separators counted from the right (left when negative), CPython's errors.
for args in [('--',),(1,),('\xe9',),(b':',),(':',-2),(':',0),(':',2**31),(':', 2),(':', 5),(':', 6),(':', -6),()]:
    try: print(args, b'\x01\x02\x03\x04\x05'.hex(*args))
    except Exception as e: print(args, type(e).__name__, e)
print(b''.hex(':'), bytearray(b'ab').hex('-'), b'\xff'.hex(sep=':', bytes_per_sep=1))
