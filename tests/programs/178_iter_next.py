# iter() and next(): iterators of builtins, the two-argument sentinel form, next with default,
# exhausted iterators staying exhausted, iterating dicts/sets/strings/files-like objects.
it = iter([1, 2, 3])
print(next(it), next(it), next(it), next(it, 'default'), next(it, None))
try:
    next(it)
except StopIteration as e:
    print('StopIteration', repr(e))
print(list(iter('abc')), list(iter((1, 2))), list(iter({'k': 1, 'j': 2})), sorted(iter({3, 1, 2})), list(iter(range(2))))
counter = [0]
def tick():
    counter[0] += 1
    return counter[0]
print(list(iter(tick, 5)), counter)
lines = ['first', 'second', '', 'after blank']
pos = [0]
def readline():
    line = lines[pos[0]]
    pos[0] += 1
    return line
print(list(iter(readline, '')))
class Box:
    def __init__(self):
        self.n = 0
    def __call__(self):
        self.n += 1
        return self.n * 10
print(list(iter(Box(), 40)))
s_it = iter(tick, None)
print(next(s_it), next(s_it), type(s_it).__name__)
def raises_stop():
    raise StopIteration
print(list(iter(raises_stop, 1)))
for bad in [lambda: iter(5), lambda: iter(len, 1, 2), lambda: next(5), lambda: iter(5, 1)]:
    try:
        bad()
    except TypeError as e:
        print('TypeError:', e)
types = [iter([]), iter(()), iter(''), iter({}), iter(set()), iter(range(0)), iter(b''), iter(bytearray()),
         iter({}.values()), iter({}.items()), reversed([]), iter(zip()), iter(map(str, []))]
print([type(t).__name__ for t in types])
d = {'a': 1}
di = iter(d)
print(next(di), next(di, 'end'))
gen = (i for i in range(2))
print(iter(gen) is gen, next(gen), next(gen), next(gen, 'gen done'))
class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n == 0:
            raise StopIteration
        self.n -= 1
        return self.n
c = Countdown(3)
print(iter(c) is c, list(c), next(c, 'empty'))
