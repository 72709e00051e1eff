# Rich comparisons: each operator, reflected swaps (< becomes >), chained comparisons, errors.
class N:
    def __init__(self, v):
        self.v = v
    def __repr__(self):
        return 'N(%r)' % self.v
    def __lt__(self, o):
        print('  %r < %r' % (self, o))
        return self.v < (o.v if isinstance(o, N) else o)
    def __le__(self, o):
        return self.v <= (o.v if isinstance(o, N) else o)
    def __gt__(self, o):
        print('  %r > %r' % (self, o))
        return self.v > (o.v if isinstance(o, N) else o)
    def __ge__(self, o):
        return self.v >= (o.v if isinstance(o, N) else o)
    def __eq__(self, o):
        return self.v == (o.v if isinstance(o, N) else o)
print(N(1) < N(2))
print(3 < N(2))
print(N(1) <= 1, N(1) >= 2, N(1) == 1, 1 == N(1), N(1) != N(1), 5 >= N(5))
print(N(1) < N(2) < N(3))
print(sorted([N(3), N(1), N(2)], key=lambda n: n.v), max(N(4), N(9), key=lambda n: n.v))
class OnlyLt:
    def __init__(self, v):
        self.v = v
    def __lt__(self, o):
        return self.v < o.v
a, b = OnlyLt(1), OnlyLt(2)
print(a < b, b > a, a > b)
try:
    a <= b
except TypeError as e:
    print('TypeError:', e)
class Weird:
    def __eq__(self, o):
        return 'truthy string'
    def __lt__(self, o):
        return [1]
print(Weird() == 1, Weird() < 1, bool(Weird() < 1), [1, 2] == [1, 2] != [2])
x = 5
print(1 < x < 10, 1 < x > 3, x == 5 == 5.0, 1 < x < 3, not 1 < x, (1 < x) < 2)
evals = []
def val(v):
    evals.append(v)
    return v
print(val(1) < val(2) < val(0) < val(99), evals)
for f in [lambda: object() < object(), lambda: 1 < 'a', lambda: [1] < (1,), lambda: None > 0]:
    try:
        f()
    except TypeError as e:
        print('TypeError:', e)
print((1, N(2)) < (1, N(3)), [N(1)] == [1])
