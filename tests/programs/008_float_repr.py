# float repr: shortest round-trip digits, exponent thresholds, special values.
vals = [0.1, 0.2, 0.1 + 0.2, 1 / 3, 2 / 3, 1.0, 100.0, 1e15, 1e16, 1e+16, 1.5e16,
        123456789012345678.0, 1e22, 1e23, 1e-4, 1e-05, 0.0001234, 1.5e-7, 5e-324,
        1.7976931348623157e308, 2.5, -2.5, 0.0, -0.0, 3.14159, 1e100, 9007199254740993.0,
        0.30000000000000004, 1.1, 2.675, 1e-310]
for v in vals:
    print(repr(v), str(v), v)
inf = float('inf')
nan = float('nan')
print(inf, -inf, nan, repr(inf), repr(-nan), [inf, nan])
print(1e308 * 10, -1e308 * 10, inf - inf, inf * 0)
print(float('-inf'), float('Infinity'), float('  nan '), float('-0'), float('1_0.5'))
print(float(10 ** 16), float(2 ** 53 + 1), float('1e500'), float('-1e-500'))
print(nan == nan, nan != nan, nan < 1, inf > 1e308, -inf < -1e308, inf == inf)
print(0.0 == -0.0, str(-0.0), repr(0.0 * -1), -0.0 + 0.0, abs(-0.0))
print(1e16 + 1, 1e16 + 2, 2 ** 53 + 1.0, 0.1 * 3, 1.1 * 1.1)
print(round(1e16), int(1e16), float(1e16) == 10 ** 16)
print([x / 10 for x in range(0, 11)])
print(sum([0.1] * 10), 1 - 0.9, 100 * 1.1)
print(1e1, 1e2, 1e-1, 12e-1, .5, 5., 0e0, 1_000.000_1)
print(float.__name__, type(1e3).__name__, 1e3 == 1000)
print(3.0 .hex(), (-0.5).hex(), float.fromhex('0x1.8p1'), (0.1).as_integer_ratio())
