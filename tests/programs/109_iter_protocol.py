# Iterator protocol: __iter__/__next__, StopIteration, the old __getitem__ protocol,
# iterators that are their own iterables, and exhaustion.
class Countdown:
    def __init__(self, start):
        self.n = start
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1
c = Countdown(3)
print(list(c), list(c), next(Countdown(1)))
class Range2:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        i = 0
        while i < self.n:
            yield i
            i += 1
r = Range2(4)
print(list(r), list(r), sum(r), 2 in r, 9 in r, max(r), sorted(r, reverse=True))
class OldStyle:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError(i)
        return i * 10
print(list(OldStyle()), 20 in OldStyle(), [x for x in OldStyle()], tuple(iter(OldStyle())))
for a, b in zip(Countdown(3), OldStyle()):
    print(a, b, end='; ')
print()
it = iter([1, 2])
print(iter(it) is it, next(it), next(it), next(it, 'done'))
try:
    next(it)
except StopIteration as e:
    print('StopIteration', e.args)
class BadIter:
    def __iter__(self):
        return 42
try:
    iter(BadIter())
except TypeError as e:
    print('TypeError:', e)
class NoNext:
    def __next__(self):
        return 1
try:
    for x in NoNext():
        pass
except TypeError as e:
    print('TypeError:', e)
class Stopper:
    def __init__(self):
        self.i = 0
    def __iter__(self):
        return self
    def __next__(self):
        self.i += 1
        if self.i == 3:
            raise StopIteration('with value')
        return self.i
s = Stopper()
print([x for x in s], s.i)
print(list(enumerate(Countdown(2))), dict(zip(Countdown(2), 'ab')), list(map(str, Countdown(3))))
a, b, c = Countdown(3)
print(a, b, c, *Countdown(2))
