# list methods.
l = [3, 1, 2]
l.append(4); l.extend([5, 6]); l.insert(0, 0)
print l
print l.pop(), l.pop(0), l
l.remove(2)
print l, l.index(4), l.count(1)
l.reverse()
print l
l.sort()
print l
print [1, 2] + [3], [0] * 3, 3 in l
print list("abc"), list((1, 2))
try:
    l.remove(99)
except ValueError, e:
    print "ValueError:", e
try:
    l[10]
except IndexError, e:
    print "IndexError:", e
