from datetime import date, time, timedelta, timezone, datetime
naive = datetime(2026, 12, 4, 5, 35)
aware = datetime(2026, 12, 4, 5, 35, tzinfo=timezone.utc)
tests = [
    lambda: date(2026, 13, 1),
    lambda: date(2026, 2, 29),
    lambda: date(0, 1, 1),
    lambda: date(10000, 1, 1),
    lambda: datetime(2026, 1, 1, 24),
    lambda: datetime(2026, 1, 1, 0, 60),
    lambda: datetime(2026, 1, 1, 0, 0, 60),
    lambda: datetime(2026, 1, 1, 0, 0, 0, 1000000),
    lambda: datetime(2026.0, 1, 1),
    lambda: datetime('2026', 1, 1),
    lambda: datetime(2026, 1),
    lambda: time(25),
    lambda: timedelta(days=1000000000),
    lambda: naive - aware,
    lambda: naive < aware,
    lambda: naive == aware,
    lambda: naive + 1,
    lambda: 1 + naive,
    lambda: naive - 1,
    lambda: naive + naive,
    lambda: date(2026, 1, 1) < naive,
    lambda: date(2026, 1, 1) == naive,
    lambda: naive < 5,
    lambda: timedelta(1) < 5,
    lambda: timedelta(1) + 1,
    lambda: timedelta(1) * 'a',
    lambda: timedelta(1) / 0,
    lambda: date.max + timedelta(1),
    lambda: date.min - timedelta(1),
    lambda: datetime.strptime('2026-12-04', '%d/%m/%Y'),
    lambda: datetime.strptime('2026-12-04 junk', '%Y-%m-%d'),
    lambda: datetime.strptime(20261204, '%Y'),
    lambda: datetime.fromisoformat('2026-12-4'),
    lambda: datetime.fromisoformat('not a date'),
    lambda: datetime.fromisoformat(5),
    lambda: date.fromisoformat('2026-12-04T00:00'),
    lambda: time.fromisoformat('25:00'),
    lambda: timezone(timedelta(hours=24)),
    lambda: timezone(5),
    lambda: timezone(timedelta(0), 5),
    lambda: naive.replace(month=13),
    lambda: naive.strftime(5),
    lambda: datetime.fromtimestamp('x'),
    lambda: date.fromordinal(0),
    lambda: naive.astimezone(5),
    lambda: naive.isoformat(timespec='hours!'),
    lambda: timedelta(1) // 0,
    lambda: timedelta('1'),
]
for t in tests:
    try:
        print(repr(t()))
    except Exception as e:
        print(type(e).__name__ + ':', e)
naive - aware
