# int() parsing: bases, prefixes, whitespace, underscores, signs; errors and their messages.
tests = [('42', 10), ('  -17  ', 10), ('+8', 10), ('0x1f', 16), ('1F', 16), ('0o17', 8),
         ('17', 8), ('0b101', 2), ('101', 2), ('z', 36), ('Zz', 36), ('0x1f', 0), ('0o7', 0),
         ('0b11', 0), ('10', 0), ('1_000', 10), ('0_0', 0), ('٣', 10), ('\t12\n', 10)]
for s, base in tests:
    print(repr(s), base, int(s, base))
print(int(3.99), int(-3.99), int(True), int(b'42'), int(bytearray(b' 7 ')), int(1e3))
print(int('  0  '), int('-0'), int('000123'), int('9' * 25))
bad = [('', 10), ('1.5', 10), ('abc', 10), ('0x1f', 10), ('12', 2), ('08', 0), ('1__0', 10),
       ('_1', 10), ('1_', 10), ('- 1', 10), ('z', 35), ('1', 1), ('1', 37)]
for s, base in bad:
    try:
        print(int(s, base))
    except ValueError as e:
        print('ValueError:', e)
for v in [None, [1], 1j, '3.0']:
    try:
        int(v)
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ':', e)
try:
    int(5, 10)
except TypeError as e:
    print('TypeError:', e)
class WithInt:
    def __int__(self):
        return 7
class WithIndex:
    def __index__(self):
        return 9
print(int(WithInt()), bin(WithIndex()), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10][WithIndex()])
print(float('1e3'), float('.5'), float('5.'), float('-.5e-1'), float('1_000.5'))
for s in ['1,5', 'e5', '1e', '--1', 'nanx', '']:
    try:
        float(s)
    except ValueError as e:
        print('ValueError:', e)
