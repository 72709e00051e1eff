# Subclassing int (and float): __new__, extra methods, arithmetic returning plain ints,
# bool being final.
class Cents(int):
    def __new__(cls, value):
        return super().__new__(cls, round(value * 100))
    def dollars(self):
        return '%d.%02d' % divmod(self, 100)
c = Cents(12.34)
print(c, int(c), c.dollars(), type(c).__name__, isinstance(c, int), c == 1234, hash(c) == hash(1234))
s = c + 1
print(s, type(s).__name__, type(-c).__name__, type(c * 2).__name__, type(abs(c)).__name__)
class Flags(int):
    names = ['read', 'write', 'exec']
    def __repr__(self):
        on = [n for i, n in enumerate(self.names) if self & (1 << i)]
        return 'Flags(%s)' % '|'.join(on or ['none'])
    def __or__(self, other):
        return Flags(int(self) | int(other))
r, w = Flags(1), Flags(2)
print(repr(r | w), repr(Flags(0)), repr(r | 4), r + w, type(r + w).__name__, repr(r & 1))
class Pos(int):
    def __new__(cls, v):
        if v < 0:
            raise ValueError('negative: %d' % v)
        return int.__new__(cls, v)
print(Pos(5), sorted([Pos(3), 1, Pos(2)]), max(Pos(1), Pos(9)))
try:
    Pos(-1)
except ValueError as e:
    print('ValueError:', e)
try:
    class MyBool(bool):
        pass
except TypeError as e:
    print('TypeError:', e)
class Dist(float):
    unit = 'm'
    def __str__(self):
        return '%g%s' % (self, self.unit)
d = Dist(2.5)
print(d, str(d), repr(d), d * 2, type(d * 2).__name__, f'{d:.3f}', d.is_integer())
class Attr(int):
    pass
a = Attr(7)
a.note = 'attrs allowed'
print(a, a.note, a.__dict__, int.__int__(a), Attr(8) > a, list(range(Attr(3))))
class Big(int):
    pass
print(Big(2) ** 100, type(Big(2) ** 100).__name__, Big('ff', 16), Big(), [1, 2, 3][Big(1)])
