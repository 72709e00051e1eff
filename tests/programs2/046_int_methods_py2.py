# Integer behaviour of Python 2: bit operations, conversions, abs, pow.
print 5 & 3, 5 | 3, 5 ^ 3, ~5, 1 << 62, 1 << 64
print abs(-7), pow(2, 10), pow(2, 10, 1000), pow(2, -2)
print int("42"), int("ff", 16), int("-10"), int(" 7 ")
print long("123456789012345678901234567890")
print bin(10), (255).bit_length()
print 10 ** 20, type(10 ** 20).__name__, type(10 ** 18).__name__
print -(2 ** 63), type(-(2 ** 63)).__name__
print int(True), True + True, True * 3
try:
    int("abc")
except ValueError, e:
    print "ValueError:", e
