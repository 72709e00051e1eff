# Operator overloading on new-style classes.
class Vec(object):
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y)
    def __mul__(self, k):
        return Vec(self.x * k, self.y * k)
    __rmul__ = __mul__
    def __neg__(self):
        return Vec(-self.x, -self.y)
    def __eq__(self, o):
        return (self.x, self.y) == (o.x, o.y)
    def __repr__(self):
        return "Vec(%r, %r)" % (self.x, self.y)
print Vec(1, 2) + Vec(3, 4), Vec(1, 2) * 3, 2 * Vec(1, 1), -Vec(1, -1)
print Vec(1, 2) == Vec(1, 2), Vec(1, 2) != Vec(2, 1)
print hash(Vec(0, 0)) is not None
