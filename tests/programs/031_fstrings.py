# f-strings: expressions, conversions, nested format specs, escaping, quotes, calls.
name, n, pi = 'world', 42, 3.14159265
items = [1, 2, 3]
d = {'k': 'v', 'n': 5}
print(f'hello {name}!', f'{n + 1} {n * 2} {n // 5} {-n}', f'{items[1]} {d["k"]} {len(items)}')
print(f'{name!r} {name!s} {"é"!a} {name!r:>10}|{name:^11}|')
print(f'{pi:.2f} {pi:10.4f}| {pi:<10.1e}| {n:#x} {n:08b} {n:,} {10**7:_}')
width, prec = 10, 3
print(f'{pi:{width}.{prec}f}|{pi:>{width}}|{name:{"*"}^{width}}|{n:{"x"}}')
print(f'{{literal}} {{{n}}} {"{"}', f'{"quoted"}' f" {'mixed'}", F'{n}' rf'\n{n}' fr'{name}\t')
print(f'{[x * 2 for x in items]} {sum(x for x in items)} {(lambda v: v + 1)(1)}')
print(f'{"yes" if n > 40 else "no"} {n if n < 0 else -n} {not n}')
print(f'{d} {items} {(1, 2)} {None} {True:d}')
class C:
    def __format__(self, spec):
        return 'C<' + spec + '>'
    def __str__(self):
        return 'str-C'
    def __repr__(self):
        return 'repr-C'
c = C()
print(f'{c} {c:xyz} {c!s} {c!r} {c!r:>8}|', format(c, 'abc'), '{:q}'.format(c))
nested = 5
print(f'{f"{nested}"} {f"{nested:>{nested}}"}|')
x = 10
print(f'{x}', f'{x:>{x}}|', f'{x:{x}}|', f'{"a" "b"}')
print(f'{3.0:g} {1e20:g} {0.5:%} {-0.0:+} {12345.6789:,.2f} {1234:e}')
print(f"{'nested quotes'}", f'''{"triple"}''', f'{items!r}', f'{len(f"{name}"):03}')
def greet(who, punct='!'):
    return f'Hi {who}{punct}'
print(greet('a'), greet(who='b', punct='?'))
print(f'{n:{"+" if n else "-"}d}', f'{"%d" % n}', f'{n}%')
