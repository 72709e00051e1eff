# min-version: 3.8
# pow() with a negative exponent and a modulus computes modular inverses (3.8+).
print(pow(3, -1, 7), pow(38, -1, 97), pow(2, -3, 11), pow(-3, -1, 7), pow(5, -2, 13))
for m in [7, 11, 97]:
    inv = pow(4, -1, m)
    print(m, inv, 4 * inv % m)
try:
    pow(2, -1, 4)
except ValueError as e:
    print('ValueError:', e)
try:
    pow(2, -1, 0)
except ValueError as e:
    print('ValueError:', e)
print(pow(12345678901234567890, -1, 10 ** 9 + 7))
