# min-version: 3.10
# match: mapping patterns (**rest, extra keys ignored), class patterns (positional via
# __match_args__, keywords, builtin classes), as-patterns.
def mapping(x):
    match x:
        case {'type': 'point', 'x': px, 'y': py}:
            return 'point %r,%r' % (px, py)
        case {'type': 'circle', 'r': r, **rest}:
            return 'circle r=%r rest=%r' % (r, rest)
        case {'id': int() as ident}:
            return 'id %d' % ident
        case {}:
            return 'some mapping'
    return 'not a mapping'
for m in [{'type': 'point', 'x': 1, 'y': 2, 'z': 9}, {'type': 'circle', 'r': 5, 'color': 'red'},
          {'id': 7}, {'id': 'x'}, {}, [('type', 'point')], 'type']:
    print(repr(m), '->', mapping(m))
class Point:
    __match_args__ = ('x', 'y')
    def __init__(self, x, y):
        self.x, self.y = x, y
class Point3(Point):
    __match_args__ = ('x', 'y', 'z')
    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z
def where(p):
    match p:
        case Point3(0, 0, 0):
            return 'origin3'
        case Point(0, 0):
            return 'origin'
        case Point(x=0, y=yy):
            return 'on y axis at %r' % yy
        case Point(xx, 0):
            return 'on x axis at %r' % xx
        case Point(x, y) as pt if x == y:
            return 'diagonal %r (%s)' % (x, type(pt).__name__)
        case Point():
            return 'somewhere'
        case int(n) | float(n):
            return 'number %r' % n
        case str(s):
            return 'string %r' % s
        case {'x': x}:
            return 'dict with x %r' % x
    return 'unknown'
for p in [Point(0, 0), Point3(0, 0, 0), Point(0, 5), Point(3, 0), Point(2, 2), Point3(4, 4, 1),
          Point(1, 2), 3, 2.5, 'txt', {'x': 1}, None]:
    print(where(p))
class NoArgs:
    pass
try:
    match NoArgs():
        case NoArgs(1):
            pass
except TypeError as e:
    print('TypeError:', e)
match {'a': 1, 'b': 2}:
    case {'a': 1, **others}:
        print('others', others)
