# Metaclasses: __new__/__init__/__call__/__prepare__ of a metaclass, registries, type() calls.
class Meta(type):
    @classmethod
    def __prepare__(mcs, name, bases, **kw):
        print('prepare', name, kw)
        return {'injected': 'by prepare'}
    def __new__(mcs, name, bases, ns, **kw):
        print('new', name, [b.__name__ for b in bases], sorted(k for k in ns if not k.startswith('__')))
        cls = super().__new__(mcs, name, bases, ns)
        cls.tag = kw.get('tag', 'none')
        return cls
    def __init__(cls, name, bases, ns, **kw):
        print('init', name)
        super().__init__(name, bases, ns)
    def __call__(cls, *a, **k):
        print('call', cls.__name__, a)
        return super().__call__(*a, **k)
class Base(metaclass=Meta, tag='base'):
    def __init__(self, v=0):
        self.v = v
class Child(Base):
    extra = 1
b = Child(5)
print(b.v, Child.tag, Base.tag, Child.injected, type(Child).__name__, isinstance(Child, Meta))
class Registry(type):
    classes = []
    def __init__(cls, name, bases, ns):
        super().__init__(name, bases, ns)
        Registry.classes.append(name)
class A(metaclass=Registry): pass
class B(A): pass
print(Registry.classes)
class Singleton(type):
    def __call__(cls, *a):
        if not hasattr(cls, '_inst'):
            cls._inst = super().__call__(*a)
        return cls._inst
class Config(metaclass=Singleton):
    def __init__(self, n):
        self.n = n
print(Config(1).n, Config(2).n, Config(1) is Config(3))
Point = type('Point', (object,), {'x': 0, 'show': lambda self: 'Point(%s)' % self.x})
pt = Point()
pt.x = 7
print(pt.show(), Point.__name__, type(Point) is type, Point.__bases__)
Sub = type('Sub', (Point,), {})
print(Sub().show(), [c.__name__ for c in Sub.__mro__])
print(type(type), type(int).__name__, type(Meta).__name__, isinstance(type, type))
class M2(type):
    def describe(cls):
        return 'class %s via meta' % cls.__name__
class Uses(metaclass=M2): pass
print(Uses.describe(), hasattr(Uses(), 'describe'))
try:
    class Conflict(Base, Uses): pass
except TypeError as e:
    print('TypeError:', e)
