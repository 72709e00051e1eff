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
