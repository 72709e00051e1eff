# Exponentiation: ints, negative exponents, floats, three-argument pow, precedence.
print(2 ** 3 ** 2, (2 ** 3) ** 2, -2 ** 2, (-2) ** 2, 2 ** -1, 2 ** -2)
print(10 ** 20, 10 ** -20, 0 ** 5, 1 ** 10000, (-1) ** 10001)
print(pow(2, 10), pow(2, 0.5), pow(4, -0.5), pow(2.0, 3), pow(-8, 3))
print(pow(3, 4, 5), pow(-3, 3, 7), pow(3, 3, -7), pow(12345, 6789, 10 ** 9 + 7))
print(pow(2, 100, 1), pow(0, 0, 3))
print(2.0 ** 1023 > 1e307, 0.5 ** 2, 1.5 ** 2, 9 ** 0.5, 2 ** 0.0)
print(type(2 ** 2).__name__, type(2 ** -2).__name__, type(2.0 ** 2).__name__)
z = (-8) ** (1 / 3)
print(type(z).__name__, round(z.real, 6), round(z.imag, 6))
print((-1) ** 0.5 == 1j or abs((-1) ** 0.5 - 1j) < 1e-15)
for f in [lambda: 0 ** -1, lambda: 0.0 ** -1,
          lambda: pow(2, 3, 0), lambda: pow(2.0, 3, 5), lambda: 10.0 ** 400]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__ + ':', e)
x = 3
x **= 4
print(x, 7 ** 2 % 10, -3 ** 2 * 2)
print([n ** 2 for n in range(-3, 4)], [2 ** n for n in range(-2, 5)])
