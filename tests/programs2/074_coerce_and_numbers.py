# coerce(), long(), int overflow, float str vs repr, and numeric builtins of Python 2.
print coerce(1, 2), coerce(1, 2.5), coerce(3L, 4), coerce(1.5, 2L), coerce(True, 2)
for args in [(1, 'a'), ('a', 'b'), (None, 1)]:
    try:
        coerce(*args)
    except TypeError, e:
        print 'TypeError:', e
print long(5), long('123456789012345678901234567890'), long(2.5), long('ff', 16), repr(long(7))
import sys
print sys.maxint, type(sys.maxint), type(sys.maxint + 1), -sys.maxint - 1, type(-sys.maxint - 1)
print type(sys.maxint * 2), type(2 ** 63), type(2 ** 62), repr(2 ** 64), 2 ** 64
print 7 / 2, -7 / 2, 7 // 2, 7 % 3, -7 % 3, 7.0 / 2, divmod(-7, 2), 2 ** -1
x = 0.1 + 0.2
print x, repr(x), str(x), 1.0 / 3, repr(1.0 / 3), [x], (1.1,), 1e16, 1e22, 123456789.123456789
print float('1e-5'), 1e-5, repr(1e-5), 2.5e-7, 1/3.0 * 3, 10 / 4.0, round(2.5), round(-0.5), round(1.25, 1)
print int('42'), int(3.9), int(-3.9), int('  -7 '), hex(255), oct(8), hex(2 ** 70), oct(0), abs(-3L)
print apply(max, [3, 9, 4]), apply(dict, (), {'a': 1}), reduce(lambda a, b: a * b, range(1, 8))
print unichr(233) == u'\xe9', repr(unichr(0x20ac)), isinstance('', basestring), isinstance(u'', basestring)
