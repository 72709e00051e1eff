# needs: stdlib
# 2.7's functools imports partial from _functools (there is no Python fallback):
# partial objects, their attributes and calls, wraps, reduce, cmp_to_key, and the
# modules that import functools (unittest, and signal under it); a module's
# AttributeError in 2.7's words.
from functools import partial, wraps
import functools
p = partial(int)
print repr(p.keywords), p.args, p.func, type(p).__name__
q = partial(int, '10', base=2)
print q(), q.keywords, q.args, repr(q)[:26], hasattr(q, '__dict__')
print partial(q, base=16)(), q(base=8)
for bad in [(), (3,)]:
    try:
        partial(*bad)
    except TypeError as e:
        print 'TypeError', e
print functools.partial.__module__, functools.partial.__name__
q.attr = 5
print q.attr, q.__dict__
def f(a, b, c=0, *rest, **kw):
    return a, b, c, rest, sorted(kw.items())
g = partial(f, 1, c=3, z=1)
print g(2), g(2, c=4, y=0), g(2, z=2)
try:
    g(2, 4, 5)
except TypeError as e:
    print 'TypeError', e
@wraps(f)
def h(*a):
    return f(*a)
print h.__name__, h(1, 2)
print functools.reduce(lambda a, b: a * b, [1, 2, 3, 4])
print sorted([3, 1, 2], key=functools.cmp_to_key(lambda a, b: b - a))
class P(partial):
    pass
print P(max, 3)(7), isinstance(P(max), partial)
print map(partial(pow, 2), range(5))
import unittest, signal
print 'imports ok', unittest.TestCase.__name__
print signal.SIGINT, signal.getsignal(signal.SIGINT) is signal.default_int_handler
try:
    functools.nope
except AttributeError as e:
    print e
