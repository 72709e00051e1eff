# What print shows for assorted values.
print 1.0, 1.5e300, 1e-10, 3.14159265358979, 10.0 / 3
print [1.1, 2.2], (0.1,), {1: 0.5}
print None, True, False, 1j, 2 + 3j
print "tuple", (1,), (), [()]
print len, abs
class A(object):
    def __repr__(self):
        return "A()"
    def __str__(self):
        return "str-A"
print A(), [A()]
