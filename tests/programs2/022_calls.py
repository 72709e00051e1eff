# Calls: keyword arguments, *args, **kwargs, defaults.
def f(a, b=2, *args, **kw):
    return a, b, args, sorted(kw.items())
print f(1)
print f(1, 3, 4, 5)
print f(1, b=7, c=8)
print f(*(1, 2, 3))
print f(1, **{"z": 26})
print f(*[1], **{"b": 0, "y": 1})
print f(1, 2, 3, *(4, 5), **{"k": 6})
def g(x, y):
    return x - y
print g(y=1, x=10)
try:
    g(1)
except TypeError, e:
    print "TypeError:", e
try:
    g(1, 2, 3)
except TypeError, e:
    print "TypeError:", e
try:
    g(1, z=2)
except TypeError, e:
    print "TypeError:", e
