# from __future__ import division: / is true division.
from __future__ import division
print 7 / 2, -7 / 2
print 8 / 2
print 7 // 2
x = 5
x /= 2
print x
