# float arithmetic, conversions, methods, comparisons with ints, and float errors.
a, b = 7.5, 2.0
print(a + b, a - b, a * b, a / b, a // b, a % b, a ** b, -a, +a, abs(-a))
print(0.1 + 0.7, 3 * 0.1, 1.0 / 3.0, 2 / 3 * 3, 10 / 4, 9 / 3)
print(int(3.99), int(-3.99), int(1e10), float(7), float('3.25'), float(' -1.5e3 '))
print((2.5).is_integer(), (3.0).is_integer(), (0.75).as_integer_ratio(), (-1.5).as_integer_ratio())
print(1 == 1.0, 2 ** 53 == 2.0 ** 53, 2 ** 53 + 1 == 2.0 ** 53, 2 ** 53 + 1 > 2.0 ** 53)
print(10 ** 400 > 1e308, -(10 ** 400) < -1e308, 1.5 < 2, 2 <= 2.0)
print(max(1, 2.0), min(1.0, 1), max(2.0, 2), sorted([3, 1.5, 2, -0.5]))
print((1.5).real, (1.5).imag, (1.5).conjugate(), float.fromhex('-0x1p-2'))
x = 1.0
for _ in range(10):
    x *= 1.5
print(x, x / 1.5 ** 10)
print(5.0 // 0.5, 5.0 % 0.3, divmod(5.5, 1.5), divmod(-5.5, 1.5))
for f in [lambda: float('abc'), lambda: float(''), lambda: 1.0 / 0, lambda: int(float('inf')),
          lambda: int(float('nan')), lambda: float(10 ** 400), lambda: 2.0 ** 10000,
          lambda: (-1.0) ** 0.5 + 0]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__ + ':', e)
total = 0.0
for i in range(1, 21):
    total += 1.0 / i
print(total)
print(1e308 + 1e308, -1e308 - 1e308, 1e-320 / 10, 1e-323 * 0.1)
print(float(True), 0.5 + True, 3.0 * False)
print(format(2.5, ''), str(1e-7), str(123456.0), str(1234567890123456789.0))
