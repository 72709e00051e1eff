# hash-order: yes
# 2.7's hashes and hash-table order: dicts and sets iterate in the order of their
# tables, which depends on the hashes, the probe sequence, resizes and deleted slots.
print hash('abc'), hash(''), hash('a'), hash(u'abc'), hash(u'\xe9'), hash(u'\u20ac')
print hash(1), hash(-1), hash(2**62), hash(2**64), hash(-2**64), hash(10**30), hash(5L)
print hash(1.5), hash(2.0), hash(-0.5), hash(1e300), hash(float('inf')), hash(float('-inf'))
print hash((1, 2)), hash(('a', 1.5)), hash(()), hash(frozenset([1, 2])), hash(frozenset())
print hash(True), hash(None) == hash(None)

words = "the quick brown fox jumps over the lazy dog and keeps on running".split()
d = {}
for i, w in enumerate(words):
    d[w] = i
print d
print d.keys()
print d.values()
print d.items()
print list(d.iterkeys()) == d.keys(), [k for k in d]

# literal dicts are presized for their item count
print {'one': 1, 'two': 2, 'three': 3, 'four': 4, 'five': 5, 'six': 6, 'seven': 7}
print dict(one=1, two=2, three=3, four=4, five=5, six=6, seven=7)
print dict([('x%d' % i, i) for i in range(12)])
print dict(zip('abcdefghij', range(10)))
print {c: ord(c) for c in 'hello world'}

# deletions leave dummies that later insertions reuse
e = dict.fromkeys(['k%d' % i for i in range(10)], 0)
for i in range(0, 10, 3):
    del e['k%d' % i]
print e
for k in ['new1', 'new2', 'k3', 'zz']:
    e[k] = 1
print e

# copy and update re-lay the table out
big = {}
for i in range(40):
    big['key%d' % i] = i
for i in range(30):
    del big['key%d' % i]
print big
print big.copy()
print dict(big)
u = {'a': 1, 'b': 2}
u.update(big)
print u

# popitem's finger
p = dict.fromkeys('abcdefgh', 1)
print [p.popitem() for _ in range(5)], p
q = {}
for i in range(20):
    q[i * 7] = i
print [q.popitem()[0] for _ in range(8)]

# fromkeys of a dict and of a set
src = dict.fromkeys('mnopqrstuv')
print dict.fromkeys(src), dict.fromkeys(set('mnopqrstuv'), 0)

# mixed keys: ints, longs, floats, tuples, unicode
m = {3: 'i', 2.5: 'f', 10**20: 'L', (1, 2): 't', u'u': 'u', 'str': 's', -1: 'n', 0.0: 'z'}
print m

# sets
s = set(words)
print s
print set('abracadabra'), set(range(20, 0, -3)), set([2**40, 3, 2.5, 'x', (1,)])
t = set(words)
print [t.pop() for _ in range(4)]
print t
print frozenset(['x', 'y', 'z']), set(d), set(d.keys()) == set(d)
a = set('abcdefghijk')
b = set('ghijklmnop')
print a | b, a & b, a - b, a ^ b

# a class's and a module's namespaces
class K(object):
    alpha = 1
    beta = 2
    def gamma(self):
        pass
print sorted(K.__dict__.keys()), [k for k in K.__dict__ if not k.startswith('__')]
class Old:
    x = 1
    y = 2
    def z(self):
        pass
print Old.__dict__.keys()
o = Old()
o.p, o.q, o.r = 1, 2, 3
print o.__dict__
def kw(**kwargs):
    return kwargs
print kw(first=1, second=2, third=3, fourth=4)
