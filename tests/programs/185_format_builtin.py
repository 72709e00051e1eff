# format() builtin and __format__ dispatch for builtins and user classes; spec passed through;
# format vs str.format vs f-string consistency.
values = [42, -3.5, 'text', True, None, 1 + 2j, [1, 2], (1,), b'by']
for v in values:
    print(repr(v), repr(format(v)), repr(format(v, '')), format(v) == str(v), '{}'.format(v) == f'{v}' == format(v))
print(format(3.14159, '.2f'), format(1234567, ',d'), format(0.25, '.0%'), format('x', '^5'), format(10, 'b'))
print(format(True, '>5'), format(True, 'd'), format(None, ''), format(2 ** 70, 'x'))
class Temp:
    def __init__(self, deg):
        self.deg = deg
    def __format__(self, spec):
        unit = spec[-1:] if spec[-1:] in ('C', 'F') else 'C'
        num_spec = spec[:-1] if spec[-1:] in ('C', 'F') else spec
        value = self.deg if unit == 'C' else self.deg * 9 / 5 + 32
        return format(value, num_spec or '.1f') + unit
t = Temp(21.5)
print(format(t), format(t, 'F'), format(t, '.3C'), f'{t:.0F}', '{:>8.2f}'.format(t), '{0:F} / {0:C}'.format(t))
class Inherit(int):
    pass
print(format(Inherit(255), 'x'), format(Inherit(5), '03'), f'{Inherit(7):>4}|')
class StrBased(str):
    def __format__(self, spec):
        return 'custom:' + spec
print(format(StrBased('s'), 'abc'), f'{StrBased("q")}', '{:zz}'.format(StrBased('')))
for v, spec in [(object(), 'x'), ([], '>3'), (None, 'd'), ('s', 'x'), (1.5, 'Z')]:
    try:
        format(v, spec)
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ':', str(e).replace(hex(id(v)), 'ADDR'))
try:
    format(1, 2)
except TypeError as e:
    print('TypeError:', e)
print(type(format(1)).__name__, format('', ''), repr(format(0.0, 'g')))
