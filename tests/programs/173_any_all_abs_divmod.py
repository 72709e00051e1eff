# any/all (short-circuit on iterators), abs on numbers and custom types, divmod, pow.
def noisy(values, log):
    for v in values:
        log.append(v)
        yield v
log = []
print(any(noisy([0, 0, 3, 4], log)), log)
log = []
print(all(noisy([1, 2, 0, 5], log)), log)
print(any([]), all([]), any([0, '', None]), all([1, 'a', [0]]), any('abc'), all(x > 0 for x in range(1, 4)))
print(abs(-5), abs(5), abs(-2.5), abs(-0.0), abs(3 - 4j), abs(True), abs(-2 ** 100), abs(float('-inf')))
class Vec:
    def __init__(self, *c):
        self.c = c
    def __abs__(self):
        return sum(v * v for v in self.c) ** 0.5
print(abs(Vec(3, 4)), abs(Vec(1, 2, 2)))
try:
    abs('x')
except TypeError as e:
    print('TypeError:', e)
for a, b in [(7, 3), (-7, 3), (7, -3), (-7, -3), (7.5, 2), (-7.5, 2), (2 ** 65, 7), (0, 5)]:
    print('divmod', a, b, divmod(a, b))
print(pow(2, 10), pow(2, -2), pow(2, 10, 1000), pow(-2, 3, 5), pow(2.5, 2), pow(0, 0), pow(4, 0.5))
class Dm:
    def __divmod__(self, o):
        return ('divmod', o)
    def __rdivmod__(self, o):
        return ('rdivmod', o)
    def __pow__(self, o, mod=None):
        return ('pow', o, mod)
    def __rpow__(self, o):
        return ('rpow', o)
print(divmod(Dm(), 3), divmod(3, Dm()), pow(Dm(), 2), pow(Dm(), 2, 5), pow(2, Dm()))
for bad in [lambda: divmod('a', 1), lambda: divmod(1, 0.0), lambda: pow(2, 2, 2.0), lambda: pow('a', 2)]:
    try:
        bad()
    except (TypeError, ZeroDivisionError) as e:
        print(type(e).__name__ + ':', e)
