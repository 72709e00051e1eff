# Big integers: arithmetic far beyond 64 bits, conversions, comparisons.
def fact(n):
    r = 1
    for i in range(2, n + 1):
        r *= i
    return r

f50 = fact(50)
print(f50)
print(fact(30) // fact(28), f50 % 1000000007, len(str(fact(100))))
print(2 ** 64, 2 ** 64 - 1, -2 ** 63, 2 ** 127 - 1)
a = 123456789012345678901234567890
b = 987654321098765432109876543210
print(a + b, a - b, a * b)
print(b // a, b % a, divmod(b, a), divmod(-b, a))
print(-b // a, -b % a, b // -a, b % -a)
print(a ** 3)
print(pow(a, 5, b), pow(3, 200, 10 ** 20))
print(a == 123456789012345678901234567890, a < b, -a > -b, a != a + 1)
print(hex(a), oct(b), bin(2 ** 70 + 5))
print(int('9' * 40) + 1, int('-' + '7' * 30, 8))
print(int('ffffffffffffffffffffffffffffffff', 16))
print(float(2 ** 100), float(a), int(1e20), int(-1.5e25))
print(a.bit_length(), (-b).bit_length(), abs(-a))
print((2 ** 100) >> 90, (2 ** 100 + 12345) & 0xFFFF, (1 << 100) | 1 == 2 ** 100 + 1)
print(~a, -a ^ b, a & -b)
print(10 ** 30 / 10 ** 10, 2 ** 1000 // 2 ** 998)
x = 1
for i in range(10):
    x = x * 1000003 + i
print(x, x % 97)
print(sum(range(10 ** 6, 10 ** 6 + 100)) * 10 ** 20)
print(-(2 ** 64) // 3, -(2 ** 64) % 3, (2 ** 64) // -3)
print(max(2 ** 80, 2 ** 80 + 1), min(-2 ** 80, 3))
print(str(-2 ** 200)[:10], repr(2 ** 99)[-5:])
print((10 ** 25).to_bytes(11, 'big').hex(), int.from_bytes(b'\xff' * 12, 'little', signed=True))
print(1 << 200 == 2 ** 200, (1 << 200) >> 199)
print(10 ** 18 * 10 ** 18 == 10 ** 36, 12 ** 34 % 56)
