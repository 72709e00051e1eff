# int overflows into long; long reprs end in L; sys.maxint.
import sys
print sys.maxint
print sys.maxint + 1
print repr(sys.maxint + 1)
print type(sys.maxint), type(sys.maxint + 1)
print 2 ** 64, repr(2 ** 64)
print [2 ** 70, 1]
print 10L, repr(10L), type(10L)
print long(5), repr(long(5))
print -sys.maxint - 1, type(-sys.maxint - 1)
print 12345678901234567890 * 3
print (2 ** 100) // 3, (2 ** 100) % 7
print int(2 ** 40), type(int(2 ** 40))
print isinstance(5L, long), isinstance(5, (int, long))
print hex(255), oct(8), hex(2 ** 64)
