# dict views: live updates, set operations on keys/items views, membership, iteration errors.
d = {'a': 1, 'b': 2, 'c': 3}
k, v, it = d.keys(), d.values(), d.items()
d['d'] = 4
print(k, v, it, len(k), len(v), len(it))
print('a' in k, 1 in v, ('a', 1) in it, ('a', 2) in it, list(k), list(v), list(it))
del d['a']
print(list(k), list(v), list(it))
n = {1: 'x', 2: 'y', 3: 'z'}
m = {2: 'y', 3: 'w', 4: 'v'}
print(n.keys() & m.keys(), n.keys() | m.keys(), n.keys() - m.keys(), n.keys() ^ m.keys())
print(n.items() & m.items(), n.keys() & {1, 7}, n.keys() == {1, 2, 3}, n.keys() <= {1, 2, 3, 4})
print(n.keys().isdisjoint({9}), n.keys() - [1], sorted(n.items() - m.items()))
print(type(k).__name__, type(v).__name__, type(it).__name__)
print(list(zip(n.keys(), n.values())), [x for x in n.items()], sorted(n.values(), reverse=True))
try:
    for key in d:
        d[key + 'x'] = 0
except RuntimeError as e:
    print('RuntimeError:', e)
try:
    d.keys()[0]
except TypeError as e:
    print('TypeError:', e)
w = {'x': 1}
ki = iter(w.keys())
w['y'] = 2
try:
    next(ki)
except RuntimeError as e:
    print('RuntimeError:', e)
print(v == v, list(d.values()) == list(d.values()), {1: 2}.values() == {1: 2}.values())
