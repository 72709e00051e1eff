# str(float) keeps 12 significant digits; repr is the shortest round-trip form.
for x in [0.1, 1.0 / 3, 2.0 / 3, 1e16, 1e-5, 123456789.123456789, 1.5, 100.0, 1e22, -0.0]:
    print str(x), repr(x)
print 0.1 + 0.2, repr(0.1 + 0.2)
print [0.1, 1.0 / 3]
print float("inf"), float("-inf"), repr(float("nan"))
print round(2.5), round(2.675, 2), round(-0.5)
print int(3.9), int(-3.9), long(1e20)
print "%.2f %e %g" % (3.14159, 31415.9, 0.00001)
