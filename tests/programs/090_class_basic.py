# Classes: class vs instance attributes, methods, __dict__, __class__, shadowing, and deletion.
class Dog:
    species = 'canis'
    count = 0
    def __init__(self, name):
        self.name = name
        self.tricks = []
        Dog.count += 1
    def add_trick(self, trick):
        self.tricks.append(trick)
        return self
    def describe(self):
        return '%s (%s) knows %s' % (self.name, self.species, ', '.join(self.tricks) or 'nothing')
a = Dog('rex')
b = Dog('fido')
a.add_trick('sit').add_trick('roll')
print(a.describe(), '|', b.describe(), Dog.count)
print(a.__dict__, sorted(k for k in Dog.__dict__ if not k.startswith('__')))
b.species = 'wolf'
print(a.species, b.species, Dog.species, 'species' in b.__dict__)
del b.species
print(b.species)
Dog.species = 'changed'
print(a.species, b.species)
print(type(a).__name__, a.__class__ is Dog, isinstance(a, Dog), isinstance(a, object), Dog.__name__)
print(Dog.__module__, Dog.__qualname__, Dog.__bases__, type(Dog).__name__, Dog.__doc__)
method = a.describe
a.tricks.append('play dead')
print(method())
print(Dog.describe(b), getattr(a, 'name'), hasattr(a, 'age'))
try:
    a.age
except AttributeError as e:
    print('AttributeError:', e)
try:
    Dog.nothing
except AttributeError as e:
    print('AttributeError:', e)
try:
    del a.missing
except AttributeError as e:
    print('AttributeError:', e)
class Empty:
    pass
e = Empty()
e.x = 1
e.__dict__['y'] = 2
print(e.x, e.y, vars(e), Empty.__bases__[0].__name__)
try:
    Dog()
except TypeError as err:
    print('TypeError:', err)
try:
    Empty(1)
except TypeError as err:
    print('TypeError:', err)
class WithClassRef:
    items = [1, 2]
    doubled = [i * 2 for i in items]
    total = sum(items)
print(WithClassRef.doubled, WithClassRef.total)
