from datetime import datetime, date, time, timedelta, timezone, tzinfo
import datetime as dtmod
class Fixed(tzinfo):
    def __init__(self, hours, name):
        self._off = timedelta(hours=hours)
        self._name = name
    def utcoffset(self, dt):
        return self._off
    def dst(self, dt):
        return timedelta(0)
    def tzname(self, dt):
        return self._name
cet = Fixed(1, 'CET')
d = datetime(2026, 12, 4, 5, 35, tzinfo=cet)
print(d, d.tzname(), d.utcoffset(), d.dst(), d.astimezone(timezone.utc), d.strftime('%H:%M %Z %z'), d.timestamp())
print(repr(d.astimezone(timezone.utc)), d == datetime(2026, 12, 4, 4, 35, tzinfo=timezone.utc), hash(d) == hash(datetime(2026, 12, 4, 4, 35, tzinfo=timezone.utc)))
class Stamp(datetime):
    def label(self):
        return self.strftime('[%H:%M]')
s = Stamp(2026, 12, 4, 5, 35)
print(type(s + timedelta(1)).__name__, (s + timedelta(minutes=5)).label(), repr(s), type(Stamp.now()).__name__, type(s - timedelta(1)).__name__)
print(sorted([datetime(2026, 1, 2), datetime(2025, 5, 5), datetime(2026, 1, 1, 12)]))
print(min(date(2026, 1, 1), date(2020, 2, 2)), {datetime(2026, 1, 1): 'a'}[datetime(2026, 1, 1)], len({date(2026, 1, 1), date(2026, 1, 1)}))
print(f"{datetime(2026, 12, 4)}", f"{datetime(2026, 12, 4)!r}", "%s" % date(2026, 1, 1), str(time(1, 2, 3, 400)), format(timedelta(1)), f"{date(2026, 1, 1):%A}")
print(dtmod.datetime.now().strftime('%Y') >= '2024', dtmod.date.today().year >= 2024, isinstance(dtmod.datetime.now(dtmod.timezone.utc).tzinfo, dtmod.timezone))
print(timedelta(hours=1) == timedelta(minutes=60), timedelta(0) == 0, timedelta(1) != None, time(5) < time(6), repr(time(5, tzinfo=timezone(timedelta(hours=2)))))
print(datetime(2026, 3, 29, 1, 30).astimezone(timezone.utc), datetime.fromtimestamp(1796275000).astimezone().tzname(), datetime(2026, 12, 4).utcoffset(), date(2026, 12, 4).ctime(), datetime.max - datetime.min)
print(datetime(2026, 12, 4, 23, 59, 59, 999999) + timedelta(microseconds=1), timedelta(seconds=-1), timedelta(days=-1, microseconds=1), str(-timedelta(hours=25, seconds=1)))
print(datetime(2026, 12, 4).replace(hour=25) if False else 'ok', timedelta(seconds=86399.9999995), timedelta(microseconds=0.5), timedelta(microseconds=1.5), timedelta(microseconds=2.5), timedelta(days=0.1))
print(timedelta(hours=1) * 0.1, timedelta(hours=1) / 7.0, timedelta(1) // timedelta(hours=5), 3 * timedelta(1), timedelta(1) * True)
