# Conversions between big ints and decimal strings near CPython's 4300-digit limit
# (the limit arrived in 3.7.14/3.8.14/3.9.14/3.10.7 and 3.11; older versions convert anything).
n = 10 ** 4299
s = str(n)
print(len(s), s[:3], s[-3:])
print(int('7' * 4300) % 1000, len(str(int('9' * 4300))))
for f in [lambda: str(10 ** 4300), lambda: int('1' * 4301), lambda: repr(-(10 ** 5000))]:
    try:
        r = f()
        print('converted', len(str(r)) if isinstance(r, int) else len(r))
    except ValueError as e:
        print('ValueError:', str(e)[:40])
print(hex(10 ** 5000)[:10], len(bin(2 ** 20000)), int('f' * 5000, 16) % 97)
