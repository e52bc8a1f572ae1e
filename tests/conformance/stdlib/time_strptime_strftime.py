import time
cases = [
    ('2026-12-04 05:35:00', '%Y-%m-%d %H:%M:%S'),
    ('Fri Dec  4 05:35:00 2026', '%a %b %d %H:%M:%S %Y'),
    ('Fri Dec  4 05:35:00 2026', '%c'),
    ('Friday, December 04, 2026', '%A, %B %d, %Y'),
    ('12/04/26 05:35:00', '%x %X'),
    ('20261204', '%Y%m%d'),
    ('2026 338', '%Y %j'),
    ('2026 48 5', '%Y %W %w'),
    ('2026 48 5', '%Y %U %w'),
    ('2026 00 1', '%Y %U %w'),
    ('2026-W49-5', '%G-W%V-%u'),
    ('5:03 pm', '%I:%M %p'),
    ('12:03 AM', '%I:%M %p'),
    ('12:03 PM', '%I:%M %p'),
    ('12:03', '%I:%M'),
    ('2026-12-04T05:35:00+0130', '%Y-%m-%dT%H:%M:%S%z'),
    ('2026-12-04T05:35:00-01:30', '%Y-%m-%dT%H:%M:%S%z'),
    ('2026-12-04T05:35:00Z', '%Y-%m-%dT%H:%M:%S%z'),
    ('2026-12-04 05:35:00 UTC', '%Y-%m-%d %H:%M:%S %Z'),
    ('2026-12-04 05:35:00 gmt', '%Y-%m-%d %H:%M:%S %Z'),
    ('05:35:00.123', '%H:%M:%S.%f'),
    ('Feb 29', '%b %d'),
    ('69', '%y'), ('68', '%y'),
    ('  2026', '%Y'),
    ('2026   12', '%Y %m'),
    ('100%', '%m%%'),
    ('1 2 3', '%d %m %H'),
    ('123', '%H%M'),
    ('11', '%m%d'),
    ('1', '%d'),
    ('DEC', '%b'),
    ('2026 60', '%Y %S'),
    ('2026-12-04', '%Y-%m-%d %H'),
    ('2026-12-04 extra', '%Y-%m-%d'),
    ('2026-13-04', '%Y-%m-%d'),
    ('2026-02-30', '%Y-%m-%d'),
    ('2026', '%Y %q'),
    ('2026', '%Y%'),
    ('2026', '%Y %'),
    ('2026.', '%Y%.'),
    ('0000', '%Y'),
    ('2026 49', '%G %V'),
    ('2026 49 1', '%Y %V %u'),
    ('2026-12-04T05:35:00+01:3000', '%Y-%m-%dT%H:%M:%S%z'),
    ('+01:30:15.5', '%z'),
    ('+0130:15', '%z'),
    ('Thursday', '%a'),
    ('thu', '%A'),
    ('mon 5', '%a %d'),
    ('2026 0', '%Y %j'),
    (' 7', '%d'),
]
for data, fmt in cases:
    try:
        t = time.strptime(data, fmt)
        print(repr(data), repr(fmt), tuple(t), t.tm_zone, t.tm_gmtoff)
    except ValueError as e:
        print(repr(data), repr(fmt), 'ValueError:', e)
import _strptime
print(_strptime._strptime('2026-12-04 05:35:00.5 +0100', '%Y-%m-%d %H:%M:%S.%f %z'))
print(time.strptime('Fri Dec  4 05:35:00 2026'))
for bad in [(1, '%Y'), ('x', 2), (b'x', '%Y')]:
    try:
        time.strptime(*bad)
    except TypeError as e:
        print('TypeError:', e)
t = time.strptime('2026-12-04 05:35:00', '%Y-%m-%d %H:%M:%S')
print(t, t[0], t[-1], t[1:3], len(t), t.tm_year, t.tm_yday, list(t)[:3], t == tuple(t))
y, m, d, H, M, S, wd, yd, dst = t
print(y, m, d, H, M, S, wd, yd, dst)
print(time.strftime('%a %A %b %B %c %d %H %I %j %m %M %p %S %U %w %W %x %X %y %Y %z %Z %%', time.gmtime(1796275000)))
print(time.strftime('%a %A %b %B %c %d %H %I %j %m %M %p %S %U %w %W %x %X %y %Y %%', t))
print(repr(time.strftime('%Z|%z', t)), time.strftime('%Z|%z', time.gmtime(0)), time.strftime('%Z|%z', time.localtime(0)), time.strftime('%Z|%z', (2026,1,1,0,0,0,0,1,0)))
print(time.gmtime(0), time.timezone, time.tzname, time.daylight, time.altzone)
print(time.gmtime(1796275000.9), time.localtime(1796275000).tm_zone, time.gmtime(0).tm_zone, time.gmtime(0).tm_gmtoff)
print(time.asctime(time.gmtime(1796275000)), time.mktime(time.localtime(1796275000)), time.mktime((2026,12,4,5,35,0,0,0,-1)), time.ctime(0))
print(time.asctime((2026,12,4,5,35,0,4,338,0)))
print(time.struct_time((2026,1,1,0,0,0,0,1,0)), time.struct_time((2026,1,1,0,0,0,0,1,0, 'X', 5)).tm_zone)
print(time.strftime('%Y', (2026,0,0,0,0,0,0,0,0)), time.strftime('%Y', (2026,1,1,0,0,0,-1,1,0)))
for tt in [(2026,13,1,0,0,0,0,1,0),(2026,1,32,0,0,0,0,1,0),(2026,1,1,24,0,0,0,1,0),(2026,1,1,0,60,0,0,1,0),(2026,1,1,0,0,62,0,1,0),(2026,1,1,0,0,0,-2,1,0),(2026,1,1,0,0,0,0,367,0), (2026,1,1), [2026,1,1,0,0,0,0,1,0], 5]:
    try:
        print(time.strftime('%Y %j %a', tt))
    except Exception as e:
        print(type(e).__name__, e)
for tt in [(2026,0,1,0,0,0,0,1,0), (2026,1,0,0,0,0,0,1,0)]:
    try:
        print(time.asctime(tt))
    except Exception as e:
        print(type(e).__name__, e)
import time
try:
    time.strptime()
except TypeError as e:
    print(e)
try:
    time.strptime("1", "%d", 3)
except TypeError as e:
    print(e)
time.strptime('2026-12-04', '%d/%m/%Y')
