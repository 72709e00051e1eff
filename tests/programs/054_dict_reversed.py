# min-version: 3.8
# reversed() over dicts and their views (3.8+), order after updates.
d = {'a': 1, 'b': 2, 'c': 3}
print(list(reversed(d)), list(reversed(d.keys())), list(reversed(d.values())), list(reversed(d.items())))
d['a'] = 10
del d['b']
d['b'] = 5
print(list(reversed(d)), next(reversed(d)))
print(list(reversed({})), type(reversed(d)).__name__)
it = reversed(d)
d['new'] = 1
try:
    next(it)
except RuntimeError as e:
    print('RuntimeError:', e)
