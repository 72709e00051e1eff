# needs: stdlib
# datetime (the pure-Python datetime/_pydatetime, as CPython has no C _datetime here): dates, times, timedelta, timezone, strftime.
import datetime as dt
d = dt.date(2024, 2, 28)
print(d, repr(d), d + dt.timedelta(days=2), d.weekday(), d.isoformat(), d.replace(day=1), d.toordinal())
t = dt.datetime(2024, 3, 1, 12, 30, 5, 250)
print(t, repr(t), t.date(), t.time(), t - dt.datetime(2024, 1, 1), t.isoformat(), t.timestamp() if False else '')
td = dt.timedelta(days=1, hours=3, minutes=4, seconds=5, microseconds=6)
print(td, repr(td), td.total_seconds(), -td, td * 2, td // 2, abs(-td), dt.timedelta(0))
tz = dt.timezone(dt.timedelta(hours=2), 'X')
a = dt.datetime(2024, 1, 1, 10, tzinfo=tz)
print(a, a.utcoffset(), a.astimezone(dt.timezone.utc), dt.timezone.utc, repr(tz))
print(t.strftime('%Y-%m-%d %H:%M:%S %j %a %b'), d.strftime('%d/%m/%y'), dt.date.fromordinal(738000))
print(dt.datetime.strptime('2024-05-06', '%Y-%m-%d') if False else '', dt.date(2024, 1, 1) < dt.date(2024, 1, 2), dt.time(3, 4))
print(sorted([dt.date(2024, 5, 1), dt.date(2023, 1, 1)]), hash(d) == hash(dt.date(2024, 2, 28)))
try:
    dt.date(2024, 2, 30)
except ValueError as e:
    print(type(e).__name__)  # the pure module words it differently from the C one
