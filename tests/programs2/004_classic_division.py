# / floors for integers (no __future__ division); floats divide truly.
print 7 / 2, -7 / 2, 7 / -2
print 7.0 / 2, 7 / 2.0
print 7 // 2, 7.5 // 2
print 7 % 3, -7 % 3, 7 % -3
print divmod(7, 3), divmod(-7, 3)
x = 9
x /= 2
print x
y = 9.0
y /= 2
print y
print 2 ** -1
print (2 ** 70) / 3
class D(object):
    def __div__(self, other):
        return "div %r" % (other,)
    def __rdiv__(self, other):
        return "rdiv %r" % (other,)
print D() / 3
print 3 / D()
try:
    print 1 / 0
except ZeroDivisionError, e:
    print "ZeroDivisionError:", e
