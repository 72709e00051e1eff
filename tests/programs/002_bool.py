# bool: arithmetic as int subclass, truthiness of many values, and/or/not results.
print(True, False, repr(True), str(False))
print(True + True, True * 10, False - 1, -True, ~True, True / 2)
print(True == 1, False == 0, True is True, isinstance(True, int), issubclass(bool, int))
print(int(True), float(False), type(True + 1).__name__, type(True & False).__name__)
print(True & True, True | False, True ^ True, type(True ^ True).__name__)
print(True << 3, 7 // True, divmod(True, 2))
values = [0, 1, -1, 0.0, 0.5, -0.0, '', 'a', ' ', [], [0], (), ((),), {}, {0: 0},
          set(), {0}, None, 0j, 1j, b'', b'\x00', range(0), range(1)]
print([bool(v) for v in values])
print(1 and 2, 0 and 2, 1 or 2, 0 or 2, '' or [] or 'last', 'a' and 'b' and 'c')
print(not 1, not 0, not [], not [1], not None)
calls = []
def t(v):
    calls.append(v)
    return v
r = t(0) and t(1)
r2 = t(1) or t(2)
r3 = t(0) or t('') or t('x') or t('never')
print(r, r2, r3, calls)
print(bool(), bool(0), bool(2), bool('False'))
print(sum([True, True, False, True]), max(True, 2), min(False, -1))
print(sorted([True, False, True, 0, 1]))
print({True: 'a', 1: 'b', 1.0: 'c'})
print(hash(True), hash(False))
print(True > False, True < 2, (True, False) < (True, True))
print(str(True).upper(), '%d %s %r' % (True, True, False), f'{True:d} {True!s:>6}|')
print(format(True), format(True, 'd'), format(False, '^7'), format(True, '.2f'))
print(True.real, True.imag, True.numerator, True.denominator, True.bit_length())
try:
    class B(bool):
        pass
except TypeError as e:
    print('TypeError', e)
