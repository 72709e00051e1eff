# __new__: controlling instance creation, caching instances, returning other types (which
# skips __init__), immutable subclasses configured in __new__.
class Traced:
    def __new__(cls, *args):
        print('__new__', cls.__name__, args)
        return super().__new__(cls)
    def __init__(self, *args):
        print('__init__', args)
        self.args = args
t = Traced(1, 2)
print(t.args)
class Interned:
    _cache = {}
    def __new__(cls, name):
        if name not in cls._cache:
            obj = super().__new__(cls)
            obj.name = name
            cls._cache[name] = obj
        return cls._cache[name]
a, b, c = Interned('x'), Interned('x'), Interned('y')
print(a is b, a is c, len(Interned._cache))
class Other:
    def __new__(cls):
        return 'not an Other instance'
    def __init__(self):
        print('never printed')
print(Other(), type(Other()).__name__)
class Sub(Traced):
    pass
s = Sub('z')
print(type(s).__name__)
class Point(tuple):
    def __new__(cls, x, y):
        return super().__new__(cls, (x, y))
    @property
    def x(self):
        return self[0]
    @property
    def y(self):
        return self[1]
    def __repr__(self):
        return 'Point(x=%r, y=%r)' % self
p = Point(3, 4)
print(p, p.x, p.y, len(p), p == (3, 4), isinstance(p, tuple), p + (5,), type(p + (5,)).__name__)
class Weird:
    def __new__(cls, v):
        if v < 0:
            return Other.__new__(Other)
        return object.__new__(cls)
    def __init__(self, v):
        self.v = v
print(Weird(1).v, Weird(-1))
try:
    object.__new__(int)
except TypeError as e:
    print('TypeError:', e)
class NoInitArgs:
    def __new__(cls, *a, **k):
        return object.__new__(cls)
print(type(NoInitArgs(1, 2, k=3)).__name__)
try:
    object.__new__(Traced, 1)
    print('object.__new__ with extra args accepted when __new__ is overridden')
except TypeError as e:
    print('TypeError:', e)
