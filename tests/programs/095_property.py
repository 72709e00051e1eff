# property: getter/setter/deleter, computed attributes, read-only errors, property() call form.
class Temp:
    def __init__(self, c):
        self._c = c
    @property
    def celsius(self):
        return self._c
    @celsius.setter
    def celsius(self, v):
        if v < -273.15:
            raise ValueError('below absolute zero')
        self._c = v
    @celsius.deleter
    def celsius(self):
        print('deleting')
        del self._c
    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32
t = Temp(100)
print(t.celsius, t.fahrenheit)
t.celsius = 0
print(t.celsius, t.fahrenheit)
try:
    t.celsius = -300
except ValueError as e:
    print('ValueError:', e)
try:
    t.fahrenheit = 5
except AttributeError as e:
    print('AttributeError:', e)
del t.celsius
print(hasattr(t, '_c'), hasattr(t, 'celsius'))
try:
    del t.fahrenheit
except AttributeError as e:
    print('AttributeError:', e)
class Old:
    def get_x(self):
        return self._x * 2
    def set_x(self, v):
        self._x = v
    x = property(get_x, set_x, None, 'the x property')
o = Old()
o.x = 21
print(o.x, Old.x.__doc__, type(Old.x).__name__, Old.x.fget is Old.get_x, Old.x.fdel)
class Lazy:
    calls = 0
    @property
    def value(self):
        Lazy.calls += 1
        return 42
l = Lazy()
print(l.value, l.value, Lazy.calls)
class Child(Temp):
    @Temp.celsius.getter
    def celsius(self):
        return 'child sees %s' % self._c
c = Child(5)
c.celsius = 7
print(c.celsius, isinstance(Temp.celsius, property))
print(Temp.fahrenheit.__get__(Temp(10)), Temp.celsius.__get__(None, Temp) is Temp.celsius)
class Shadow:
    @property
    def attr(self):
        return 'property wins'
s = Shadow()
s.__dict__['attr'] = 'instance dict'
print(s.attr)
