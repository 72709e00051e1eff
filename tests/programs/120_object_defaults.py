# What object provides by default: identity equality, __ne__, __hash__, __str__ delegating to
# __repr__, __format__ with empty spec only, __init__/__new__ argument checks, dir basics.
class Plain:
    pass
a, b = Plain(), Plain()
print(a == a, a == b, a != b, a != a, hash(a) == hash(a), a.__eq__(b), a.__ne__(a))
print(str(a) == repr(a), format(a) == str(a), repr(a).startswith('<__main__.Plain object at 0x'))
try:
    format(a, 'x')
except TypeError as e:
    print('TypeError:', e)
print(type(object()).__name__, object.__bases__, Plain.__bases__, Plain.__base__ is object)
o = object()
try:
    o.attr = 1
except AttributeError as e:
    print('AttributeError:', e)
try:
    object(1)
except TypeError as e:
    print('TypeError:', e)
class OnlyInit:
    def __init__(self, v):
        self.v = v
print(OnlyInit(3).v)
class OnlyNew:
    def __new__(cls, v):
        return super().__new__(cls)
print(type(OnlyNew(3)).__name__)
for obj in [a, o]:
    print(obj.__class__.__name__, obj.__sizeof__() > 0)
print(isinstance(Plain, object), isinstance(3, object), issubclass(type, object), type.__base__ is object)
methods = ['__eq__', '__ne__', '__lt__', '__hash__', '__repr__', '__str__', '__init__', '__new__',
           '__getattribute__', '__setattr__', '__delattr__', '__dir__', '__format__', '__class__']
print([m for m in methods if not hasattr(a, m)])
print(Plain.__lt__(a, b), a.__lt__(b), a.__le__(a))
class EqSelf:
    def __eq__(self, other):
        return False
e = EqSelf()
print(e == e, e != e, e in [e], [e].count(e), [e] == [e])
print(sorted(k for k in vars(Plain) if not k.startswith('__')), '__module__' in vars(Plain))
print(Plain.__name__, Plain.__module__, object.__name__, object.__module__, type(None).__module__)
