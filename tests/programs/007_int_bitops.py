# Bitwise operators and shifts on positive, negative and big ints.
vals = [0, 1, 5, -1, -6, 255, -256, 2 ** 65 + 3, -(2 ** 65)]
for a in vals:
    print(a, ~a, a << 3, a >> 2, a & 0xF0, a | 0x0F, a ^ -1)
print(6 & 3, 6 | 3, 6 ^ 3, -6 & 3, -6 | 3, -6 ^ 3, -6 & -3, -6 | -3, -6 ^ -3)
print(1 << 0, 1 << 64, 1 << 100, -1 << 70, (2 ** 100) >> 99, -1 >> 100, -5 >> 1)
print(5 >> 64, 5 >> 1000, 0 << 1000)
try:
    1 << -1
except ValueError as e:
    print('ValueError:', e)
try:
    1 >> -3
except ValueError as e:
    print('ValueError:', e)
try:
    1.0 << 2
except TypeError as e:
    print('TypeError:', e)
try:
    ~1.5
except TypeError as e:
    print('TypeError:', e)
for n in [0, 1, 7, 8, 255, 256, -1, -128, 2 ** 64]:
    print(n, n.bit_length(), bin(n), format(n & 0xFF, '08b'))
print(True & 3, True | 2, False ^ True)
print((0xDEADBEEF >> 16) & 0xFFFF, hex(0xDEADBEEF ^ 0xFFFFFFFF))
x = 0
for i in range(0, 70, 7):
    x |= 1 << i
print(x, bin(x).count('1'), hex(x))
print((1234).to_bytes(4, 'big'), (1234).to_bytes(4, 'little'), (-2).to_bytes(2, 'big', signed=True))
print(int.from_bytes(b'\x01\x00', 'big'), int.from_bytes(b'\x01\x00', 'little'), int.from_bytes(b'\xfe', 'big', signed=True))
try:
    (256).to_bytes(1, 'big')
except OverflowError as e:
    print('OverflowError:', e)
