# Long arithmetic: mixing int and long, division, comparisons, hashing.
a = 2 ** 63
b = a - 1
print a, b, type(a).__name__, type(b).__name__
print a * a, a / 3, a % 1000, -a / 7
print a > b, a == 2 ** 63, hash(5L) == hash(5)
print 5L + 1, type(5L + 1).__name__
print long("99" * 20) + 1
print divmod(10 ** 30, 7)
print abs(-(10 ** 25)), -(10 ** 25)
print str(10 ** 20), repr(10 ** 20)
