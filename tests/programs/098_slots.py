# __slots__: restricted attributes, no __dict__, inheritance with and without slots.
class P:
    __slots__ = ('x', 'y')
    def __init__(self, x, y):
        self.x, self.y = x, y
p = P(1, 2)
print(p.x, p.y, hasattr(p, '__dict__'), P.__slots__, type(P.x).__name__)
p.x = 10
print(p.x)
try:
    p.z = 3
except AttributeError as e:
    print('AttributeError:', e)
del p.y
try:
    p.y
except AttributeError as e:
    print('AttributeError:', e)
class Q(P):
    pass
q = Q(1, 2)
q.z = 3
print(q.z, q.__dict__)
class R(P):
    __slots__ = ('w',)
r = R(1, 2)
r.w = 4
print(r.x, r.w, hasattr(r, '__dict__'))
try:
    r.v = 1
except AttributeError as e:
    print('AttributeError:', e)
class WithDict:
    __slots__ = ('a', '__dict__')
wd = WithDict()
wd.a = 1
wd.b = 2
print(wd.a, wd.__dict__)
class Single:
    __slots__ = 'only'
s = Single()
s.only = 'yes'
print(s.only, Single.__slots__)
try:
    class Conflict:
        __slots__ = ('a',)
        a = 5
except ValueError as e:
    print('ValueError:', e)
class Empty:
    __slots__ = ()
try:
    Empty().anything = 1
except AttributeError as e:
    print('AttributeError:', e)
print(sorted(k for k in P.__dict__ if not k.startswith('__')))
class Slotted:
    __slots__ = ['value']
    def __init__(self):
        pass
try:
    Slotted().value
except AttributeError as e:
    print('AttributeError:', e)
