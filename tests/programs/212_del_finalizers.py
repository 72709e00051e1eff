# __del__: called when the last reference goes (del, rebinding, a function's locals, a
# container emptied), once even when resurrected, inherited or assigned later; an
# exception in it is printed to stderr and ignored; at exit, cycles are collected and the
# module's names cleared (_private ones first).
class Res:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print('del', self.name)
a = Res('a')
del a
print('after del a')
b = Res('b1')
b = Res('b2')
print('after rebinding b')
def scope():
    local = Res('local')
    print('in scope', local.name)
scope()
print('after scope')
items = [Res('i0'), Res('i1')]
items.clear()
print('after clear')
d = {'k': Res('dv')}
d['k'] = None
print('after dict store')
class Bad:
    def __del__(self):
        raise ValueError('ignored')
Bad()
print('after Bad')
saved = []
class Phoenix:
    def __del__(self):
        print('phoenix del')
        saved.append(self)
Phoenix()
print('resurrected', len(saved))
saved.clear()
print('cleared saved')
class Child(Res):
    pass
Child('child')
print('after child')
class Late:
    pass
def late_del(self):
    print('late del')
Late.__del__ = late_del
Late()
print('after late')
def returns_temp():
    return Res('temp').name
print(returns_temp())
cyc = Res('cycle')
cyc.me = cyc
del cyc
print('cycle dropped')
_private = Res('_private')
public = Res('public')
print('end')
