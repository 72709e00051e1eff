# min-version: 3.7
# __class_getitem__: subscripting a class (generic-alias style), implicit classmethod.
class Box:
    def __class_getitem__(cls, item):
        return '%s[%s]' % (cls.__name__, item.__name__ if isinstance(item, type) else repr(item))
print(Box[int], Box['x'], Box[1, 2])
class Sub(Box):
    pass
print(Sub[str])
class Typed:
    cache = {}
    def __class_getitem__(cls, item):
        if item not in cls.cache:
            cls.cache[item] = type('%s_%s' % (cls.__name__, item.__name__), (cls,), {'item': item})
        return cls.cache[item]
IntT = Typed[int]
print(IntT.__name__, IntT.item.__name__, Typed[int] is IntT, issubclass(IntT, Typed))
try:
    Typed()[int]
except TypeError as e:
    print('TypeError:', e)
class Plain:
    pass
try:
    Plain[int]
except TypeError as e:
    print('TypeError:', e)
class Both:
    def __getitem__(self, k):
        return 'instance ' + str(k)
    def __class_getitem__(cls, k):
        return 'class ' + str(k)
print(Both[1], Both()[1])
