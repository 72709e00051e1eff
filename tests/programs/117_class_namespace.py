# Class body execution: ordinary code runs at definition, namespace order, scoping rules of
# class bodies (methods and comprehensions can't see class names), name mangling.
print('before class')
class Config:
    print('executing class body')
    debug = False
    levels = ['low', 'high']
    if debug:
        mode = 'dev'
    else:
        mode = 'prod'
    for i in range(3):
        pass
    count = len(levels)
    squares = [n * n for n in range(count)]
    del i
    def method(self):
        return self.mode
print('after class', Config.mode, Config.count, Config.squares, hasattr(Config, 'i'))
print([k for k in Config.__dict__ if not k.startswith('__')])
x = 'global x'
class Scope:
    x = 'class x'
    def get(self):
        return x
    y = [x for _ in range(1)]
    z = x
print(Scope().get(), Scope.y, Scope.z)
class Mangle:
    __private = 'hidden'
    def get(self):
        return self.__private
    def set(self, v):
        self.__value = v
m = Mangle()
m.set(3)
print(m.get(), m._Mangle__private, m.__dict__, hasattr(m, '__private'))
try:
    Mangle.__private
except AttributeError as e:
    print('AttributeError:', e)
class Sub(Mangle):
    __private = 'sub hidden'
    def get_sub(self):
        return self.__private
s = Sub()
print(s.get(), s.get_sub(), sorted(k for k in Sub.__dict__ if 'private' in k))
class Doc:
    """Class docstring."""
    __dunder__ = 'not mangled'
    _single = 'not mangled'
print(Doc.__doc__, Doc.__dunder__, Doc._single, Doc.__name__, Doc.__qualname__)
def factory(n):
    class Local:
        value = n
        def show(self):
            return 'Local %d' % self.value
    return Local
A, B = factory(1), factory(2)
print(A().show(), B().show(), A is not B, A.__qualname__)
class Outer:
    class Inner:
        class Deepest:
            pass
print(Outer.Inner.Deepest.__qualname__, Outer.Inner.__name__)
