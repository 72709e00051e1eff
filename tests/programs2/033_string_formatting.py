# % formatting of every conversion.
print "%d %i %u" % (1, -2, 3)
print "%o %x %X %e %E %f %g %G" % (8, 255, 255, 1.5, 1.5, 1.5, 1.5, 1e20)
print "%s %r %%" % ("s", "r")
print "%5d|%-5d|%+d|% d|%05.1f" % (1, 2, 3, 4, 5.25)
print "%(a)s %(b)03d" % {"a": "x", "b": 7}
print "%*d|%-*d" % (4, 1, 4, 2)
print "%.3s" % "abcdef"
print "%c" % 65
print "%s" % (1,), "%s" % [1, 2]
try:
    print "%d" % "x"
except TypeError, e:
    print "TypeError:", e
try:
    print "%s %s" % (1,)
except TypeError, e:
    print "TypeError:", e
