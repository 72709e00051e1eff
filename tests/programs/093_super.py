# super(): zero-argument and two-argument forms, in classmethods, and cooperative kwargs passing.
class A:
    def f(self):
        return 'A.f'
    @classmethod
    def make(cls):
        return 'A.make(%s)' % cls.__name__
    def g(self):
        return 'A.g'
class B(A):
    def f(self):
        return 'B.f+' + super().f()
    @classmethod
    def make(cls):
        return 'B.make+' + super().make()
    def g(self):
        return 'B.g+' + super(B, self).g()
class C(B):
    def f(self):
        return 'C.f+' + super(B, self).f()
    def g(self):
        return 'C.g+' + super().g()
c = C()
print(c.f(), c.g(), C.make(), B.make())
print(super(C, c).f(), super(A, c).__class__.__name__, type(super(C, c)).__name__)
class Base:
    def __init__(self, **kw):
        self.leftover = kw
class Named(Base):
    def __init__(self, name=None, **kw):
        self.name = name
        super().__init__(**kw)
class Aged(Base):
    def __init__(self, age=0, **kw):
        self.age = age
        super().__init__(**kw)
class Person(Named, Aged):
    pass
p = Person(name='ann', age=30, extra=1)
print(p.name, p.age, p.leftover)
class Unbound(A):
    def f(self):
        return super(Unbound, Unbound).f(self)
print(Unbound().f())
class WithNew:
    def __new__(cls, *a):
        obj = super().__new__(cls)
        obj.created_with = a
        return obj
print(WithNew(1, 2).created_with)
class Prop(A):
    @property
    def p(self):
        return 'prop+' + super().f()
print(Prop().p)
try:
    super(B, A()).f()
except TypeError as e:
    print('TypeError:', e)
class Lst(list):
    def append(self, v):
        super().append(v * 10)
l = Lst([1])
l.append(2)
print(l)
