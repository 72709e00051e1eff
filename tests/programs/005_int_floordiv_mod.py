# Floor division and modulo with every sign combination, ints and floats.
pairs = [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, 3), (6, 3), (-6, 3), (1, 5), (-1, 5)]
for a, b in pairs:
    print(a, b, a // b, a % b, divmod(a, b), (a // b) * b + a % b == a)
fpairs = [(7.5, 2), (-7.5, 2), (7.5, -2), (-7.5, -2), (1.0, 0.3), (-1.0, 0.3), (5.0, 5.0)]
for a, b in fpairs:
    print(a, b, a // b, a % b, divmod(a, b))
print(-0.0 % 5, 0.0 % -5, -1e-20 % 1.0, 3 % -0.5)
print(2 ** 70 // -3, -(2 ** 70) % 7, divmod(-(2 ** 70), 1000))
for e in [lambda: 1 // 0, lambda: 1 % 0, lambda: divmod(1, 0),
          lambda: 1.0 // 0, lambda: 1.0 % 0.0, lambda: 1 / 0, lambda: 1.5 / 0]:
    try:
        e()
    except ZeroDivisionError as ex:
        print('ZeroDivisionError:', ex)
print(17 // 5.0, type(17 // 5.0).__name__, -17 // 5.0, 17 % -5.0)
print(True // 2, -True % 3)
