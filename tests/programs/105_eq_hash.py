# __eq__ and __hash__: value objects in sets/dicts, __hash__ = None when only __eq__ is defined,
# default identity semantics, __ne__ derived from __eq__.
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __eq__(self, o):
        if not isinstance(o, Point):
            return NotImplemented
        return (self.x, self.y) == (o.x, o.y)
    def __hash__(self):
        return hash((self.x, self.y))
    def __repr__(self):
        return 'P(%d,%d)' % (self.x, self.y)
pts = [Point(1, 2), Point(1, 2), Point(2, 1)]
print(pts[0] == pts[1], pts[0] != pts[1], pts[0] is pts[1], pts[0] == pts[2], pts[0] == (1, 2))
print(len(set(pts)), {Point(1, 2): 'a'}[Point(1, 2)], Point(1, 2) in pts, pts.count(Point(1, 2)))
print(pts.index(Point(2, 1)), Point(3, 3) not in set(pts))
class EqOnly:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        return isinstance(o, EqOnly) and self.v == o.v
print(EqOnly.__hash__ is None, EqOnly(1) == EqOnly(1), EqOnly(1) != EqOnly(2))
try:
    {EqOnly(1)}
except TypeError as e:
    print('TypeError:', e)
class Plain:
    pass
p, q = Plain(), Plain()
print(p == p, p == q, p != q, hash(p) == hash(p), len({p, q, p}))
class InheritsHash(Point):
    pass
print(hash(InheritsHash(1, 2)) == hash(Point(1, 2)), InheritsHash(1, 2) == Point(1, 2))
class EqInheritHash(Point):
    def __eq__(self, o):
        return True
print(EqInheritHash.__hash__ is None)
class KeepHash(Point):
    def __eq__(self, o):
        return True
    __hash__ = Point.__hash__
print(KeepHash.__hash__ is Point.__hash__, len({KeepHash(0, 0), KeepHash(0, 0)}))
class BadHash:
    def __hash__(self):
        return 'nope'
try:
    hash(BadHash())
except TypeError as e:
    print('TypeError:', e)
class BigHash:
    def __hash__(self):
        return 2 ** 100
print(hash(BigHash()) == hash(2 ** 100), hash(-1), hash(2 ** 61 - 1), hash(-(2 ** 61)))
calls = []
class Loud:
    def __init__(self, n):
        self.n = n
    def __eq__(self, o):
        calls.append((self.n, o.n))
        return self.n == o.n
    def __hash__(self):
        return 0
s = {Loud(1), Loud(2), Loud(1)}
print(len(s), calls)
print(Loud(5) in [Loud(4), Loud(5)], calls[-2:])
