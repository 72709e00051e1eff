# __repr__, __str__ and __format__: which one print/str/repr/format/f-strings/containers use.
class Both:
    def __repr__(self):
        return 'Both<repr>'
    def __str__(self):
        return 'Both<str>'
class ReprOnly:
    def __repr__(self):
        return 'ReprOnly()'
class StrOnly:
    def __str__(self):
        return 'StrOnly-str'
b, r, s = Both(), ReprOnly(), StrOnly()
print(b, r, s)
print(str(b), repr(b), str(r), [b, r], (b,), {'k': b}, '%s %r' % (b, b), '{} {!r}'.format(b, b))
print(f'{b} {b!r} {r} {s}', str(s), repr(s).startswith('<__main__.StrOnly object at '))
class Money:
    def __init__(self, v):
        self.v = v
    def __format__(self, spec):
        if spec == '':
            return str(self)
        if spec == 'cents':
            return '%d cents' % round(self.v * 100)
        return '$' + format(self.v, spec)
    def __str__(self):
        return 'Money(%s)' % self.v
m = Money(12.5)
print(format(m), format(m, 'cents'), format(m, '.2f'), f'{m:>10.1f}|{m}|{m:cents}', '{:,.3f}'.format(Money(1234.5)))
try:
    format(r, 'spec')
except TypeError as e:
    print('TypeError:', e)
print(format(r), format(r, ''), f'{r}')
class BadRepr:
    def __repr__(self):
        return 42
try:
    repr(BadRepr())
except TypeError as e:
    print('TypeError:', e)
class BadStr:
    def __str__(self):
        return None
try:
    str(BadStr())
except TypeError as e:
    print('TypeError:', e)
class BadFormat:
    def __format__(self, spec):
        return 1
try:
    format(BadFormat())
except TypeError as e:
    print('TypeError:', e)
class Nested:
    def __init__(self, *kids):
        self.kids = kids
    def __repr__(self):
        return 'N(%s)' % ', '.join(map(repr, self.kids))
print(Nested(Nested(), Nested(Nested(1, 'a'))))
class IntSub(int):
    def __repr__(self):
        return 'IntSub(%d)' % self
print(IntSub(5), str(IntSub(5)), repr(IntSub(5)), [IntSub(5)], f'{IntSub(5)}', format(IntSub(5), '03d'))
