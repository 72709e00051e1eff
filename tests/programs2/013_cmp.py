# cmp(), __cmp__, sort with cmp=.
print cmp(1, 2), cmp(2, 1), cmp(3, 3), cmp("a", "b")
class V(object):
    def __init__(self, v):
        self.v = v
    def __cmp__(self, other):
        return cmp(self.v, other.v)
    def __repr__(self):
        return "V(%d)" % self.v
print cmp(V(1), V(2)), V(1) < V(2), V(3) == V(3)
print sorted([V(3), V(1), V(2)])
l = [5, 2, 8, 1]
l.sort(cmp=lambda a, b: cmp(b, a))
print l
print sorted([3, 1, 2], cmp=lambda a, b: b - a)
print sorted(["bb", "a", "ccc"], key=len, reverse=True)
