# Classes are mutable at runtime: adding/replacing methods, monkeypatching, type(), __class__
# assignment, and bound method identity/equality.
class Animal:
    def speak(self):
        return 'generic'
a = Animal()
print(a.speak())
Animal.speak = lambda self: 'patched'
print(a.speak())
def named(self, greeting='hi'):
    return '%s from %s' % (greeting, type(self).__name__)
Animal.greet = named
print(a.greet(), a.greet('yo'))
a.speak = lambda: 'instance override'
print(a.speak(), Animal.speak(a))
del a.speak
print(a.speak())
setattr(Animal, 'legs', 4)
print(a.legs, getattr(Animal, 'legs'))
delattr(Animal, 'legs')
print(hasattr(a, 'legs'))
Dog = type('Dog', (Animal,), {'speak': lambda self: 'woof', 'legs': 4})
Cat = type('Cat', (Animal,), dict(speak=lambda self: 'meow'))
print([x.speak() for x in (Dog(), Cat(), Animal())], Dog.__name__, Dog.__bases__[0].__name__)
pet = Dog()
pet.__class__ = Cat
print(pet.speak(), type(pet).__name__, isinstance(pet, Cat))
try:
    pet.__class__ = int
except TypeError as e:
    print('TypeError:', e)
m1 = a.greet
m2 = a.greet
print(m1 == m2, m1 is m2, m1.__self__ is a, m1.__func__ is named, Animal.greet is named)
b = Animal()
print(a.greet == b.greet, a.greet.__func__ is b.greet.__func__)
class Counter:
    pass
for name in ['alpha', 'beta']:
    setattr(Counter, name, (lambda n: lambda self: n.upper())(name))
c = Counter()
print(c.alpha(), c.beta())
Counter.__repr__ = lambda self: 'Counter()'
print(c, [c])
Counter.__len__ = lambda self: 7
print(len(c), bool(c))
Counter.__add__ = lambda self, o: 'added ' + str(o)
print(c + 1)
