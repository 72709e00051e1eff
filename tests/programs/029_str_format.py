# str.format: auto/explicit indexing, keywords, attributes, items, conversions, escaping.
print('{} {} {}'.format(1, 'two', 3.0), '{1} {0} {1}'.format('a', 'b'), '{x}-{y}'.format(x=1, y=2))
print('{0[1]} {0[0]} {1[key]} {1[key]!r}'.format(['a', 'b'], {'key': 'v'}))
class P:
    def __init__(self):
        self.x, self.y = 3, 4
    def __repr__(self):
        return 'P()'
    def __str__(self):
        return 'point'
p = P()
print('{0.x},{0.y} {0} {0!r} {0!s} {p.x}'.format(p, p=p))
print('{!r} {!s} {!a} {!a}'.format('é', 'é', 'é', 'plain'))
print('{{}} {{{}}} {{0}}'.format('in'), '{:{}}|'.format('w', 4), '{:{w}.{p}f}'.format(3.14159, w=8, p=2))
print('{0:>{1}}|{0:<{1}}|{0:^{1}}'.format('ab', 6))
d = {'a': 1, 'b': [10, 20]}
print('{a} {b[1]}'.format(**d), '{0[b][0]}'.format(d), '{}'.format(d))
print(format(12, ''), '{0!r:>8}|{0!s:<8}|'.format('s'))
print('{:d} {:,} {:_} {:x} {:#b}'.format(10 ** 6, 10 ** 6, 10 ** 6, 255, 5))
bad = [lambda: '{} {}'.format(1), lambda: '{0} {}'.format(1, 2), lambda: '{x}'.format(y=1),
       lambda: '{'.format(), lambda: '}'.format(), lambda: '{0.nope}'.format(1),
       lambda: '{0[5]}'.format([1]), lambda: '{:d}'.format('s'), lambda: '{!z}'.format(1)]
for f in bad:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__ + ':', e)
print('{0}{1}{0}'.format('ab', 'cd'), ''.format(), 'no fields'.format(1, 2, x=3))
print('{:*^20}'.format(' centered '), '{:=+8d}'.format(42), '{:08.3f}'.format(-3.14159))
print(str.format('{} and {}', 'static', 'call'), '{0:{1}{2}}'.format(7, '>', 5))
