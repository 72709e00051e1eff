# min-version: 3.10
# Newer int methods: bit_count (3.10), as_integer_ratio (3.8), is_integer (3.12+ only, guarded).
for n in [0, 1, 7, 255, -255, 2 ** 100 - 1, -(2 ** 64)]:
    print(n, n.bit_count(), n.as_integer_ratio(), bin(n).count('1') == n.bit_count())
print(True.bit_count(), (10).as_integer_ratio(), type((5).as_integer_ratio()[0]).__name__)
print(hasattr(1, 'is_integer') and (5).is_integer())
print(int.bit_count(12), (2 ** 64 + 1).bit_count(), sum(i.bit_count() for i in range(16)))
