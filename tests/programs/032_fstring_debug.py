# min-version: 3.8
# f-string self-documenting expressions: `=` with spaces, conversions and format specs.
x = 10
name = 'Ann'
pi = 3.14159
items = [1, 2]
print(f'{x=}', f'{x = }', f'{x =}', f'{ x=}')
print(f'{name=}', f'{name=!s}', f'{name=!r}', f'{name=!a}')
print(f'{pi=:.2f}', f'{pi = :>10.3f}|', f'{x=:#x}', f'{x=:05d}')
print(f'{x + 1=}', f'{items[0]=}', f'{len(items)=}', f'{x*2 = }')
print(f'{items=}', f'{None=}', f'{"é"=}', f'{x!r:>4}|{x=!r:>4}|')
class P:
    def __repr__(self):
        return 'P()'
    def __format__(self, spec):
        return 'fmt:' + spec
p = P()
print(f'{p=}', f'{p=:spec}', f'{p=!s}')
