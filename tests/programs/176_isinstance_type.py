# isinstance/issubclass (tuples, nested tuples, bool/int, abstract-ish classes), type() with one
# and three arguments, type identity.
print(isinstance(1, int), isinstance(True, int), isinstance(1, bool), isinstance(1.0, (int, float)))
print(isinstance('s', (int, (list, (str,)))), isinstance(None, type(None)), isinstance([], (tuple, dict)))
print(issubclass(bool, int), issubclass(int, bool), issubclass(int, (str, object)), issubclass(type, object))
print(isinstance(int, type), isinstance(type, type), isinstance(object, type), issubclass(object, object))
class A: pass
class B(A): pass
class C: pass
b = B()
print(isinstance(b, A), isinstance(b, (C, A)), issubclass(B, (C,)), issubclass(B, ()), isinstance(b, ()))
print(type(1), type('s'), type([]), type(None), type(type), type(A), type(b), type(len), type(print))
print(type(1) is int, type(True) is int, type(b) is A, type(b) is B, type(b) == B)
print(type(1).__name__, type(1.5).__name__, type(1j).__name__, type(b'').__name__, type(range(1)).__name__)
print(type(iter([])).__name__, type({}.keys()).__name__, type(x for x in '').__name__, type(lambda: 0).__name__)
print(type(A.__init__).__name__, type(b.__init__).__name__, type([].append).__name__, type(abs).__name__)
T = type('T', (A,), {'attr': 5, 'get': lambda self: self.attr * 2})
t = T()
print(T.__name__, T.__bases__, t.get(), isinstance(t, A), type(t).__name__, T.__qualname__)
E = type('E', (), {})
print(E.__bases__, E.__mro__, type(E()).__name__)
for bad in [lambda: isinstance(1, 1), lambda: issubclass(1, int), lambda: issubclass(int, 1), lambda: type(),
            lambda: type('X', (1,), {}), lambda: type('X', (), 5), lambda: type(1, 2)]:
    try:
        bad()
    except TypeError as e:
        print('TypeError:', e)
class Meta(type):
    def __instancecheck__(cls, obj):
        return obj == 'anything goes'
    def __subclasscheck__(cls, sub):
        return sub is int
class Magic(metaclass=Meta):
    pass
print(isinstance('anything goes', Magic), isinstance(1, Magic), issubclass(int, Magic), issubclass(str, Magic))
