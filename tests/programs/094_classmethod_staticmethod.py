# classmethod and staticmethod: calling via class and instance, inheritance, alternate constructors.
class Date:
    fmt = '%04d-%02d-%02d'
    def __init__(self, y, m, d):
        self.y, self.m, self.d = y, m, d
    @classmethod
    def from_string(cls, s):
        return cls(*map(int, s.split('-')))
    @staticmethod
    def is_leap(y):
        return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)
    def __str__(self):
        return self.fmt % (self.y, self.m, self.d)
class EuroDate(Date):
    fmt = '%04d/%02d/%02d'
d = Date.from_string('2024-02-29')
e = EuroDate.from_string('1999-12-31')
print(d, e, type(e).__name__, Date.is_leap(2000), Date.is_leap(1900), d.is_leap(2024))
print(d.from_string('2000-01-01'), type(e.from_string('1-2-3')).__name__)
class Counter:
    n = 0
    @classmethod
    def bump(cls):
        cls.n += 1
        return cls.n
class SubCounter(Counter):
    pass
print(Counter.bump(), Counter.bump(), SubCounter.bump(), Counter.n, SubCounter.n)
sm = staticmethod(len)
cm = classmethod(lambda cls: cls.__name__)
class Holder:
    length = sm
    name = cm
print(Holder.length('abc'), Holder().length([1]), Holder.name(), Holder().name())
print(type(Date.__dict__['is_leap']).__name__, type(Date.__dict__['from_string']).__name__)
print(Date.__dict__['is_leap'].__func__(2004), Date.__dict__['from_string'].__func__(Date, '1-1-1').y)
bound = Date.from_string
print(bound.__self__ is Date, bound.__name__)
class Registry:
    items = []
    @classmethod
    def add(cls, *xs):
        cls.items.extend(xs)
        return cls
Registry.add(1).add(2, 3)
print(Registry.items)
try:
    Date.__init__(1, 2, 3, 4)
except AttributeError as e:
    print('AttributeError:', e)
