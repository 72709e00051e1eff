# len, enumerate (with start), zip (uneven lengths, unzipping), map (multiple iterables),
# filter (None and functions) — including laziness and single-use iterators.
print(len('abc'), len([1, 2]), len((1,)), len({1: 2}), len({1, 2, 3}), len(range(10)), len(b'ab'), len(''))
print(list(enumerate('abc')), list(enumerate('ab', 10)), list(enumerate([], 5)), list(enumerate('x', start=-1)))
e = enumerate(['p', 'q'])
print(next(e), next(e), next(e, 'done'), type(e).__name__)
print(list(zip([1, 2, 3], 'ab')), list(zip()), list(zip([1])), list(zip('ab', 'cd', 'ef')))
pairs = [(1, 'a'), (2, 'b'), (3, 'c')]
nums, letters = zip(*pairs)
print(nums, letters)
print(dict(zip('abc', range(3))), list(zip(*[[1, 2, 3], [4, 5, 6]])))
print(list(map(str, [1, 2])), list(map(pow, [2, 3], [3, 2])), list(map(lambda a, b, c: a + b + c, 'ab', 'cd', 'efg')))
print(list(filter(None, [0, 1, '', 'x', [], [0], None])), list(filter(str.isdigit, 'a1b2')), list(filter(lambda v: v > 1, (1, 2, 3))))
calls = []
def f(v):
    calls.append(v)
    return v * 2
m = map(f, [1, 2, 3])
print(calls, next(m), calls, list(m), calls)
it = iter([1, 2, 3, 4])
print(list(zip(it, it)))
z = zip([1, 2], [3, 4])
print(list(z), list(z))
consumed = []
def gen(name, n):
    for i in range(n):
        consumed.append((name, i))
        yield i
print(list(zip(gen('a', 3), gen('b', 1))), consumed)
for bad in [lambda: len(5), lambda: len(iter([])), lambda: zip(1), lambda: map(None), lambda: enumerate(5)]:
    try:
        bad()
    except TypeError as e:
        print('TypeError:', e)
class Sized:
    def __len__(self):
        return 3
print(len(Sized()), list(enumerate(Sized.__len__(Sized()) * 'z')))
