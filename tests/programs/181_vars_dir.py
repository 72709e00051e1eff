# vars() and dir() on objects of our own classes (sorted, user-defined names only), and how
# they reflect instance/class attribute changes.
class Base:
    base_attr = 1
    def base_method(self):
        pass
class Thing(Base):
    class_attr = 'c'
    def __init__(self):
        self.a = 1
        self.b = 2
    def method(self):
        pass
    @property
    def prop(self):
        return 0
    @staticmethod
    def smethod():
        pass
t = Thing()
print(vars(t), vars(t) is t.__dict__)
t.c = 3
del t.a
print(vars(t))
print([n for n in dir(t) if not n.startswith('__')])
print([n for n in dir(Thing) if not n.startswith('__')])
print([n for n in sorted(vars(Thing)) if not n.startswith('__')])
print(dir(t) == sorted(dir(t)), set(dir(Base)) <= set(dir(Thing)), '__init__' in dir(t), '__dict__' in dir(t))
class Custom:
    def __dir__(self):
        return ['zeta', 'alpha', 'alpha']
print(dir(Custom()))
class Slotted:
    __slots__ = ('x',)
try:
    vars(Slotted())
except TypeError as e:
    print('TypeError:', e)
try:
    vars(5)
except TypeError as e:
    print('TypeError:', e)
def f():
    pass
f.attr = 'fn attr'
print(vars(f))
v = vars(t)
v['injected'] = 'via vars'
print(t.injected)
def local_vars():
    x = 1
    y = 'two'
    return sorted(vars().items())
print(local_vars())
print(sorted(k for k in vars() if not k.startswith('__')) == sorted(k for k in globals() if not k.startswith('__')))
