# complex numbers: literals, repr, arithmetic, attributes, parsing, errors.
z = 3 + 4j
w = complex(1, -2)
print(z, w, repr(1j), 2j * 1j, -1j, complex(0, 0), complex(-0.0, -0.0))
print(z + w, z - w, z * w, z / w, -z, +z, abs(z), z ** 2, z == complex(3, 4))
print(z.real, z.imag, z.conjugate(), type(z.real).__name__)
print(complex('1+2j'), complex(' -3.5j '), complex('4'), complex(2), complex(1.5, 0))
print(1 + 2j == 1 + 2j, 1 + 0j == 1, 2.0 == 2 + 0j, (1 + 1j) != 1)
print(complex(1e300, 1e300) * 10, complex(float('inf'), 0), complex(0, float('nan')))
print((1 + 2j) ** 0, (2 + 0j) ** 3, 1j ** 2, (1j) ** 1j == (1j) ** 1j)
print(complex(3, 4) / 2, 6j / 2j, (1 + 1j) * (1 - 1j))
print(repr(complex(1.5, -0.0)), repr(complex(-0.0, 1)), repr(0.1 + 0.2j), 1e20j, 1e16 + 1j)
print(format(1 + 2j), format(1.23456 + 7.8j, '.2f'), f'{z:>12}', '{:g}'.format(2.5 - 1j))
print(complex(True, False), complex(z), (1j).imag)
for f in [lambda: z / 0, lambda: complex('1+'), lambda: z < w, lambda: int(z),
          lambda: float(z), lambda: z // 2, lambda: z % 2]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__ + ':', e)
print(sum([1j, 2, 3.5]), abs(-3j), pow(1j, 2), divmod(7, 2))
print(bool(0j), bool(0 + 1e-300j), hash(1 + 0j) == hash(1))
