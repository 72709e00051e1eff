# min-version: 3.7
# needs: stdlib
# inspect.signature and friends, and pprint over nested data and dataclasses.
import inspect
import pprint
from dataclasses import dataclass

def f(a, b: int = 2, *args, c, d='x', **kw) -> str:
    """Doc of f."""
    return a

sig = inspect.signature(f)
print(sig)
for name, p in sig.parameters.items():
    print(name, p.kind, p.default is inspect.Parameter.empty, p.annotation)
print(sig.return_annotation, sig.bind(1, c=3).arguments)
try:
    sig.bind()
except TypeError as e:
    print('TypeError', e)

class K:
    def __init__(self, size, *, color='red'):
        self.size = size
    def method(self, n):
        return n
    @classmethod
    def cm(cls, q=1):
        pass
    @staticmethod
    def sm(z):
        pass

print(inspect.signature(K), inspect.signature(K.method), inspect.signature(K(1).method))
print(inspect.signature(K.cm), inspect.signature(K.sm))
print(inspect.isfunction(f), inspect.ismethod(K(1).method), inspect.isclass(K),
      inspect.isgeneratorfunction(f), inspect.getdoc(f))
print([n for n, _ in inspect.getmembers(K, inspect.isfunction)])
print(inspect.getmro(K), inspect.unwrap(f) is f)
print(inspect.getfullargspec(f))
print(inspect.getcallargs(f, 1, 2, 3, c=4))

data = {'name': 'xpython', 'versions': list(range(6, 14)),
        'nested': {'a': [1, 2, {'deep': tuple('abc')}], 'b': None},
        'long': ['item %d' % i for i in range(12)]}
pprint.pprint(data)
pprint.pprint(data, width=40, compact=True)
print(pprint.pformat([1, 2, 3]), pprint.isreadable(data), pprint.saferepr({'k': [1]}))

@dataclass
class Node:
    label: str
    children: list

tree = Node('root', [Node('a', []), Node('b', [Node('c', list(range(20)))])])
pprint.pprint(tree, width=50)
