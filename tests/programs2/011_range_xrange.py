# range returns a list, xrange is lazy.
r = range(5)
print r, type(r)
print range(2, 10, 3), range(5, 0, -1), range(0)
x = xrange(4)
print type(x).__name__, list(x), len(x)
total = 0
for i in xrange(100):
    total += i
print total
r.append(99)
print r
print sum(range(10))
print range(-5), range(10, -10, -7), range(-3, 3, 4), range(5, 1), len(range(2 ** 24 + 3))
for bad in [(1, 2, 0), (1, 2, False)]:
    try:
        range(*bad)
    except ValueError as e:
        print 'ValueError', e
