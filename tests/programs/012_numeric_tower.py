# Mixed int/float/complex/bool arithmetic: result types, equality across types, dict keys.
def show(x):
    return '%s:%r' % (type(x).__name__, x)
print(show(1 + 1), show(1 + 1.0), show(1 + 1j), show(True + 1), show(True + 0.5))
print(show(3 * 2.0), show(6 / 3), show(6 // 3.0), show(2 ** 2), show(2 ** -1), show(2.0 ** 2))
print(show(7 % 2.5), show(-7 // 2.0), show(abs(-2)), show(abs(-2.0)), show(abs(3 + 4j)))
print(1 == 1.0 == (1 + 0j) == True, 0 == 0.0 == -0.0 == False)
d = {}
d[1] = 'int'
d[1.0] = 'float'
d[True] = 'bool'
d[1 + 0j] = 'complex'
print(d, len(d))
d2 = {0: 'a', False: 'b', 0.0: 'c'}
print(d2)
print({1, 1.0, True}, {0, 0.0, False, 2, 2.0})
print(hash(1) == hash(1.0) == hash(True), hash(2 ** 61 - 1), hash(2 ** 61), hash(-1), hash(-2))
print(10 ** 20 == 1e20, 10 ** 16 + 1 == 1e16 + 1, 2 ** 1000 > float(2 ** 999))
print(sorted([3, 2.5, True, -1, 0.0, 2 ** 64]))
print(int(2.5) + float(2) + complex(0, 2))
print(0.1 + 0.2 == 0.3, abs(0.1 + 0.2 - 0.3) < 1e-15, 1 / 3 == 0.3333333333333333)
print(sum([1, 2.5, True]), sum([1, 2, 3], 0.0), sum([1j, 1]), max(1, 1.0), max(1.0, 1))
print(isinstance(1, (float, complex)), isinstance(1.0, (int, float)), type(5 / 1) is float)
print(3 < 3.5 < 4, -1 < False < 0.5 < True)
print(divmod(7, 2.0), pow(2, 3.0), round(2.0), round(2))
