# needs: stdlib
# itertools (native): every iterator, their reprs and the tee/groupby sharing.
from itertools import *
print(list(islice(count(3, 2), 4)), repr(count(1.5)), repr(repeat('a', 2)))
print(list(islice(cycle('ab'), 5)), list(repeat(1, 3)), list(accumulate([1,2,3,4])), list(accumulate([1,2,3], lambda a,b: a*b)))
print(list(chain('ab', [1])), list(chain.from_iterable(['xy', 'z'])) if hasattr(chain, 'from_iterable') else None)
print(list(compress('abcd', [1,0,1,0])), list(dropwhile(lambda x: x<3, [1,2,3,1])), list(takewhile(lambda x: x<3, [1,2,3,1])))
print(list(filterfalse(None, [0,1,0,2])), [(k, list(g)) for k, g in groupby('aabbbc')])
print(list(islice('abcdefg', 1, 6, 2)), list(starmap(pow, [(2,3),(3,2)])))
a, b = tee([1,2,3]); print(list(a), list(b))
print(list(zip_longest('ab', 'xyz', fillvalue='-')))
print(list(product('ab', range(2))), list(product([1,2], repeat=2)))
print(list(permutations('abc', 2)), list(combinations('abcd', 2)), list(combinations_with_replacement('ab', 2)))
print(list(permutations(range(3))))
g = groupby([1, 1, 2, 3, 3, 3], key=lambda x: x % 2)
k1, g1 = next(g)
k2, g2 = next(g)
print(k1, list(g1), k2, list(g2), [(k, list(v)) for k, v in g])
print(list(pairwise('abcd')) if hasattr(__import__('itertools'), 'pairwise') else 'no pairwise')
it = iter([1, 2, 3, 4, 5])
print(list(islice(it, 2)), list(it))
print(list(islice(count(), 0, 10, 3)), list(islice('ab', None)))
for bad in [lambda: islice('a', -1), lambda: list(permutations('a', -1)), lambda: count('a')]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
