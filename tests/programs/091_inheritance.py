# Single inheritance: overriding, extending via super, attribute lookup, isinstance/issubclass.
class Shape:
    sides = 0
    def __init__(self, name):
        self.name = name
    def area(self):
        raise NotImplementedError('area of ' + self.name)
    def describe(self):
        return '%s with %d sides, area %s' % (self.name, self.sides, self.area())
class Rect(Shape):
    sides = 4
    def __init__(self, w, h):
        super().__init__('rect')
        self.w, self.h = w, h
    def area(self):
        return self.w * self.h
class Square(Rect):
    def __init__(self, s):
        super().__init__(s, s)
        self.name = 'square'
class Triangle(Shape):
    sides = 3
    def __init__(self, b, h):
        Shape.__init__(self, 'triangle')
        self.b, self.h = b, h
    def area(self):
        return self.b * self.h / 2
for s in [Rect(2, 3), Square(4), Triangle(3, 5)]:
    print(s.describe())
try:
    Shape('blob').describe()
except NotImplementedError as e:
    print('NotImplementedError:', e)
sq = Square(2)
print(isinstance(sq, Rect), isinstance(sq, Shape), isinstance(sq, Triangle), type(sq) is Rect)
print(issubclass(Square, Shape), issubclass(Shape, Square), issubclass(Square, Square), issubclass(bool, object))
print(Square.__bases__[0].__name__, Square.__base__.__name__, [c.__name__ for c in Square.__mro__])
print(Rect.__subclasses__()[0].__name__, Square.sides, 'sides' in Square.__dict__)
class Base:
    def hello(self):
        return 'base hello from ' + self.kind()
    def kind(self):
        return 'base'
class Derived(Base):
    def kind(self):
        return 'derived'
print(Base().hello(), Derived().hello())
class Counter:
    instances = []
    def __init__(self):
        self.instances.append(self)
class Sub(Counter):
    instances = []
Counter(); Sub(); Sub()
print(len(Counter.instances), len(Sub.instances))
