# needs: stdlib
# weakref (real weakref.py over the native _weakref): refs, callbacks, weak dicts and sets, finalize, cycles.
import weakref, gc
class Obj:
    def __init__(self, n): self.n = n
    def __repr__(self): return 'Obj(%d)' % self.n
a = Obj(1)
r = weakref.ref(a, lambda w: print('callback, dead:', w() is None))
print(r() is a, weakref.getweakrefcount(a), weakref.ref(a) is r)
del a
print('after del', r())
d = weakref.WeakValueDictionary()
keep = [Obj(i) for i in range(3)]
for o in keep: d[o.n] = o
print(sorted(d.keys()))
del keep[1]
print(sorted(d.keys()), len(d))
k = weakref.WeakKeyDictionary()
x, y = Obj(10), Obj(11)
k[x] = 'x'; k[y] = 'y'
del x
print(sorted(v for v in k.values()))
s = weakref.WeakSet([y])
print(len(s), y in s)
f = weakref.finalize(y, print, 'finalized', 11)
print(f.alive)
del y, s
print('collect', gc.collect() >= 0)
c = Obj(5); c.me = c
rc = weakref.ref(c, lambda w: print('cycle callback'))
del c
gc.collect()
print('cycle gone', rc() is None)
p = weakref.proxy(Obj(7))
try:
    p.n
except ReferenceError as e:
    print('ReferenceError:', e)
try:
    weakref.ref(3)
except TypeError as e:
    print(e)
