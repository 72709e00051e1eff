# sorted, reversed, min, max, sum: keys, defaults, multiple args, start values, errors.
print(sorted([3, 1, 2]), sorted('cba'), sorted((2, 1)), sorted({3: 1, 1: 3}), sorted([]), sorted(range(3), reverse=True))
print(sorted(['b', 'A', 'c'], key=str.lower), sorted([(1, 'b'), (1, 'a'), (0, 'z')]), sorted([-3, 2, -1], key=abs))
print(list(reversed([1, 2, 3])), list(reversed('abc')), list(reversed(range(4))), list(reversed((1, 2))), ''.join(reversed('xyz')))
print(min(3, 1, 2), max(3, 1, 2), min([4, 5]), max('hello'), min('b', 'a'), max([1, 5], [2]), min((2, 'b'), (2, 'a')))
print(max(['aa', 'b', 'ccc'], key=len), min(['aa', 'b', 'ccc'], key=len), max([], default='empty'), min([], default=None))
print(max([1, 3, 3], key=lambda v: v), max([(1, 'first'), (1, 'second')], key=lambda t: t[0]), min([2, 2.0]), max([2.0, 2]))
print(max(1, 2, key=lambda v: -v), min('B', 'a', key=str.lower), max(range(10), key=lambda v: v % 4))
print(sum([1, 2, 3]), sum([1, 2, 3], 10), sum([]), sum([0.1] * 3), sum([[1], [2]], []), sum(((1,), (2,)), ()))
print(sum(range(101)), sum([True, True]), sum([1.5, 2]), sum([1j, 2]), sum(x for x in range(4)))
for bad in [lambda: min([]), lambda: max(), lambda: max(1), lambda: sum(['a', 'b']), lambda: sum([1], 'x'),
            lambda: sorted([1, 'a']), lambda: reversed({1, 2}), lambda: reversed(x for x in 'ab'),
            lambda: min([1], [2], default=0), lambda: sum([b'a'], b'')]:
    try:
        print(bad())
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ':', e)
r = reversed([1, 2])
print(type(r).__name__, next(r), list(r))
d = {'x': 3, 'y': 1, 'z': 2}
print(max(d), max(d, key=d.get), sorted(d, key=d.get), min(d.values()), sorted(d.items(), key=lambda kv: kv[1]))
