# __init_subclass__: hook called for each new subclass, with class keyword arguments.
class Plugin:
    registry = {}
    def __init_subclass__(cls, name=None, **kw):
        super().__init_subclass__(**kw)
        key = name or cls.__name__.lower()
        Plugin.registry[key] = cls
        print('registered', key, 'for', cls.__name__)
class Json(Plugin, name='json'):
    pass
class Yaml(Plugin):
    pass
class StrictJson(Json, name='strict'):
    pass
print(sorted(Plugin.registry), Plugin.registry['strict'].__mro__[1].__name__)
class Base:
    def __init_subclass__(cls, **kw):
        cls.options = kw
        print('Base hook for', cls.__name__, kw)
class Mid(Base, color='red'):
    pass
class Leaf(Mid, size=3):
    pass
print(Mid.options, Leaf.options)
try:
    class Bad(Yaml, unknown=1):
        pass
except TypeError as e:
    print('TypeError:', e)
class Counted:
    count = 0
    def __init_subclass__(cls):
        Counted.count += 1
        cls.serial = Counted.count
class One(Counted): pass
class Two(Counted): pass
class Three(One): pass
print(One.serial, Two.serial, Three.serial, Counted.count, hasattr(Counted, 'serial'))
class Required:
    def __init_subclass__(cls):
        if not hasattr(cls, 'run'):
            raise TypeError(cls.__name__ + ' must define run')
try:
    class NoRun(Required):
        pass
except TypeError as e:
    print('TypeError:', e)
class HasRun(Required):
    def run(self):
        return 'ran'
print(HasRun().run())
