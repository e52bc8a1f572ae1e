import time
for arg in [0, -1, 1.9, -1.5, 2**31, 10**10, 253402300799, 1e20, float('nan'), float('inf'), 'x', True, 10**30]:
    for f in (time.gmtime, time.localtime, time.ctime):
        try:
            print(f.__name__, repr(arg), f(arg))
        except Exception as e:
            print(f.__name__, repr(arg), type(e).__name__, e)
for t in [(2026, 12, 4, 5, 35, 0, 4, 338, 0), (2026, 12, 4, 5, 35, 0, 4, 338, -1), (1969, 12, 31, 23, 59, 59, 0, 0, 0), (2026, 14, 40, 30, 70, 70, 0, 0, 0)]:
    try:
        print(time.mktime(t), time.asctime(t))
    except Exception as e:
        print(type(e).__name__, e)
for bad in [5, 'x', (1, 2), [2026, 1, 1, 0, 0, 0, 0, 1, 0], (2026, 1, 1, 0, 0, 0, 0, 1, 0.5)]:
    for f in (time.mktime, time.asctime):
        try:
            print(f(bad))
        except Exception as e:
            print(f.__name__, type(e).__name__, e)
st = time.gmtime(1796275000)
print(st.tm_zone, st.tm_gmtoff, st[-1], st[0:2], st.n_fields, st.n_sequence_fields, st == time.gmtime(1796275000), st != st)
print(time.strftime('%Y-%m-%dT%H:%M:%S', st), time.strftime(''), time.strftime('%%%%'), type(time.strftime('%c')))
