# The native time module: clocks, sleep, struct_time, gmtime/strftime/asctime.
import time

t0 = time.time()
print('time is recent:', t0 > 1.6e9, type(t0).__name__)
p0 = time.perf_counter()
m0 = time.monotonic()
time.sleep(0.01)
print('perf_counter advanced:', time.perf_counter() - p0 >= 0.009)
print('monotonic advanced:', time.monotonic() >= m0)
print('process_time:', type(time.process_time()).__name__)
if hasattr(time, 'time_ns'):
    print('time_ns:', type(time.time_ns()).__name__, time.time_ns() > 10 ** 18)
else:
    print('no time_ns')
g = time.gmtime(0)
print(g)
print(g.tm_year, g[0], g.tm_wday, g.tm_yday, len(g), tuple(g)[:3])
print(time.gmtime(1700000000))
print(time.strftime('%Y-%m-%d %H:%M:%S %a %b %j', time.gmtime(1700000000)))
print(time.asctime(time.gmtime(1700000000)))
print(time.asctime(time.gmtime(0)))
lt = time.localtime(1700000000)
print('localtime roundtrip:', time.mktime(lt) == 1700000000.0, type(lt).__name__)
print('struct_time is a tuple:', isinstance(g, tuple), g == tuple(g))
for bad in (-1, 'x'):
    try:
        time.sleep(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ':', e)
try:
    g.tm_nope
except AttributeError as e:
    print('AttributeError:', e)
