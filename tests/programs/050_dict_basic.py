# dict: insertion order, overwrite keeps position, delete/reinsert, methods and KeyError.
d = {'b': 1, 'a': 2}
d['c'] = 3
d['b'] = 10
print(d, list(d), len(d), 'a' in d, 'z' in d, 2 in d)
del d['b']
d['b'] = 20
print(d)
print(d.get('a'), d.get('zz'), d.get('zz', 'dflt'), d.setdefault('a', 99), d.setdefault('n', []), d)
d['n'].append(1)
print(d.pop('n'), d.pop('missing', 'gone'), d)
print(d.popitem(), d.popitem(), d)
d.update({'x': 1, 'y': 2})
d.update([('z', 3)], w=4)
d.update(x=100)
print(d, d.keys(), d.values(), d.items())
print(dict(a=1, b=2), dict([(1, 'one'), (2, 'two')]), dict({'k': 'v'}, k2='v2'), dict(), {})
print(dict.fromkeys('abc'), dict.fromkeys([1, 2], 0), dict(zip('xy', range(2))))
cp = d.copy()
cp['a'] = 'changed'
print(d == cp, d != cp, {1: 2, 3: 4} == {3: 4, 1: 2}, list({3: 4, 1: 2}))
for f in [lambda: d['missing'], lambda: d.pop('missing'), lambda: {}.popitem(), lambda: {[]: 1},
          lambda: dict([1, 2]), lambda: dict(1), lambda: {1: 2} < {1: 2}, lambda: dict([('a', 1, 2)])]:
    try:
        f()
    except Exception as e:
        print(type(e).__name__ + ':', e)
cp.clear()
print(cp, len(cp), bool(cp), bool({0: 0}))
counts = {}
for w in 'a b a c b a'.split():
    counts[w] = counts.get(w, 0) + 1
print(counts, sorted(counts.items(), key=lambda kv: -kv[1]))
nested = {'outer': {'inner': [1, {'deep': True}]}}
print(nested['outer']['inner'][1]['deep'], nested)
keys = {(1, 2): 'tuple', 3.5: 'float', None: 'none', True: 'bool', 'k': 'str', frozenset([1]): 'fs'}
print(keys[(1, 2)], keys[1], keys[None], keys[frozenset({1})], len(keys))
dd = {i: i * i for i in range(5)}
for k in list(dd):
    if k % 2:
        del dd[k]
print(dd)
