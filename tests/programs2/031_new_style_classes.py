# New-style classes: properties, super, classmethods, staticmethods, __slots__.
class Base(object):
    count = 0
    def __init__(self, v):
        self._v = v
        Base.count += 1
    @property
    def v(self):
        return self._v
    @classmethod
    def make(cls, v):
        return cls(v)
    @staticmethod
    def twice(x):
        return 2 * x
class Child(Base):
    def __init__(self, v, w):
        super(Child, self).__init__(v)
        self.w = w
c = Child(1, 2)
print c.v, c.w, Base.count, Base.make(5).v, Base.twice(4)
print isinstance(c, Base), Child.__mro__ == (Child, Base, object)
class S(object):
    __slots__ = ("a",)
s = S()
s.a = 3
print s.a
try:
    s.b = 1
except AttributeError, e:
    print "AttributeError:", e
