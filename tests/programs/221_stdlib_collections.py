# needs: stdlib
# collections (real collections/__init__.py): namedtuple, Counter, OrderedDict, ChainMap, collections.abc.
import collections
import collections.abc
P = collections.namedtuple('P', 'x y')
p = P(1, 2)
print(p, p._replace(x=3), p._asdict() == {'x': 1, 'y': 2}, P._fields, p.x + p[1])
Q = collections.namedtuple('Q', ['a', 'b'], defaults=[0]) if hasattr(P, '_field_defaults') else None
print(Q(1) if Q else 'no defaults')
c = collections.Counter('abracadabra')
print(c.most_common(3), c['z'], sorted(c.elements())[:4])
c.update('zz'); c.subtract({'a': 4})
print(sorted(c.items()), +c == collections.Counter({'b': 2, 'r': 2, 'c': 1, 'd': 1, 'z': 2}))
o = collections.OrderedDict(a=1, b=2, c=3)
o.move_to_end('a'); o.move_to_end('c', last=False)
print(list(o), o.popitem(), o.popitem(last=False), o)
cm = collections.ChainMap({'a': 1}, {'a': 0, 'b': 2})
cm2 = cm.new_child({'c': 3})
print(cm['a'], cm['b'], len(cm2), sorted(cm2), cm2.parents.maps == cm.maps)
print(isinstance([], collections.abc.Sequence), issubclass(dict, collections.abc.Mapping),
      isinstance(iter([]), collections.abc.Iterator), isinstance(3, collections.abc.Hashable))
class Seq(collections.abc.Sequence):
    def __getitem__(self, i): return [1, 2, 3][i]
    def __len__(self): return 3
s = Seq()
print(list(s), 2 in s, s.index(3), list(reversed(s)), isinstance(s, collections.abc.Iterable))
try:
    collections.abc.Mapping()
except TypeError as e:
    print('TypeError', str(e).split(' with')[0])
class Reg: pass
collections.abc.Sized.register(Reg)
print(issubclass(Reg, collections.abc.Sized), isinstance(Reg(), collections.abc.Sized))
