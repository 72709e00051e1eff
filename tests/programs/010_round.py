# round(): banker's rounding, ndigits (positive/negative/none), types of results.
for v in [0.5, 1.5, 2.5, 3.5, -0.5, -1.5, -2.5, 0.49999999999999994, 2.675, 1.005]:
    print(v, round(v), round(v, 0), round(v, 2), round(v, 1))
for v in [1234.5678, -1234.5678, 0.000123456, 1e20, 123456789.123]:
    print(round(v, -2), round(v, 3), round(v, -1), round(v, 5))
print(round(12345, -2), round(12355, -1), round(-12345, -2), round(15, -1), round(25, -1))
print(round(7), round(7, 2), round(-7, -1), round(2 ** 70 + 5, -1))
print(type(round(2.5)).__name__, type(round(2.5, 0)).__name__, type(round(2, 1)).__name__)
print(round(True), round(0.1 + 0.2, 15), round(1 / 3, 10), round(2 / 3, 4))
print(round(float('inf'), 2), round(float('nan'), 1), round(-0.0), round(-0.4), round(-0.0, 1))
try:
    round(float('inf'))
except OverflowError as e:
    print('OverflowError:', e)
try:
    round(float('nan'))
except ValueError as e:
    print('ValueError:', e)
try:
    round('1.5')
except TypeError as e:
    print('TypeError:', e)
class R:
    def __round__(self, n=None):
        return ('rounded', n)
print(round(R()), round(R(), 3))
print([round(x / 8, 2) for x in range(9)])
print(round(1e300, -300), round(5e-324, 330), round(123.456, -5))
