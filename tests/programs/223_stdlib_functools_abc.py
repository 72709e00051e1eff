# needs: stdlib
# functools, abc, operator, copy, heapq, bisect, keyword (real stdlib over the native modules).
import abc
import bisect
import copy
import functools
import heapq
import keyword
import operator

print(functools.reduce(operator.add, [1, 2, 3, 4]), functools.reduce(lambda a, b: a * b, [], 7))
p = functools.partial(int, base=2)
print(p('101'), p.func is int, p.keywords)
@functools.lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(30), fib.cache_info().hits > 0)
def deco(f):
    @functools.wraps(f)
    def w(*a):
        return f(*a)
    return w
@deco
def documented():
    "doc here"
print(documented.__name__, documented.__doc__, documented.__wrapped__.__name__)
@functools.total_ordering
class V:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o.v
    def __lt__(self, o): return self.v < o.v
print(V(1) <= V(2), V(3) >= V(2), V(1) > V(2))
print(sorted(['b', 'A', 'c'], key=functools.cmp_to_key(lambda a, b: (a.lower() > b.lower()) - (a.lower() < b.lower()))))

class Base(abc.ABC):
    @abc.abstractmethod
    def run(self): ...
    @property
    @abc.abstractmethod
    def name(self): ...
class Impl(Base):
    def run(self): return 'ran'
    name = 'impl'
try:
    Base()
except TypeError as e:
    print(e)
print(Impl().run(), isinstance(Impl(), Base), Base.__abstractmethods__ == frozenset({'run', 'name'}))
class Half(Base):
    def run(self): return 1
try:
    Half()
except TypeError as e:
    print(e)
Base.register(int)
print(issubclass(int, Base), isinstance(3, Base), issubclass(str, Base))

print(operator.itemgetter(1)('abc'), operator.itemgetter(0, 2)('abc'), operator.attrgetter('real')(3),
      operator.methodcaller('upper')('x'), operator.attrgetter('a.b')(type('A', (), {'a': type('B', (), {'b': 5})})))
print(operator.add(1, 2), operator.neg(3), operator.contains([1], 1), operator.index(7))

class Node:
    def __init__(self, v): self.v = v; self.kids = []
n = Node(1); n.kids.append(Node(2)); n.kids.append(n)
m = copy.deepcopy(n)
print(m is not n, m.kids[1] is m, m.kids[0].v, copy.copy(n).kids is n.kids)
print(copy.deepcopy({'a': [1, (2, [3])]}), copy.copy([1, [2]]))

h = [5, 1, 4, 2, 3]
heapq.heapify(h); heapq.heappush(h, 0)
print([heapq.heappop(h) for _ in range(3)], heapq.nlargest(2, [3, 1, 4, 1, 5]), heapq.nsmallest(2, 'hello'),
      list(heapq.merge([1, 4], [2, 3])))
a = [1, 2, 4, 4, 8]
print(bisect.bisect_left(a, 4), bisect.bisect(a, 4), bisect.bisect_right(a, 0))
bisect.insort(a, 5); print(a)
print(keyword.iskeyword('for'), keyword.iskeyword('x'), 'lambda' in keyword.kwlist)
