# id() of ints and floats: values that are not the same object never share an id while
# both are alive, which copy.deepcopy's memo (keyed by id) relies on.
import copy
values = [0, 1, 2, 3, -1, -2, 255, 256, 2 ** 62, -2 ** 62, 2 ** 63 - 1, -2 ** 63,
          0.5, 1.0, 1.0000000000000002, -0.0, 0.0, 1e300, float('inf')]
ids = [id(v) for v in values]
print(len(set(ids)) == len(values))
print(all(isinstance(i, int) and i > 0 for i in ids))
x = 12345
y = x
print(id(x) == id(y), x is y)
print(copy.deepcopy({'a': [1, (2, 3)], 'b': (0.5, 0.25, (4, 5, 6))}))
print(copy.deepcopy([(i, i + 1) for i in range(5)]))
memo = {}
for v in (2, 3, 2.5, 3.5):
    memo.setdefault(id(v), v)
print(sorted(memo.values()))
