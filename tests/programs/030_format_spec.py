# The format-spec mini-language: fill/align/sign/#/0/width/grouping/precision/type.
ints = [0, 7, -7, 255, 123456789]
specs = ['', 'd', '5d', '<5', '^5', '>5', '*^7', '+d', ' d', '-d', '05d', '=+6', 'x', 'X', '#x',
         '#o', 'b', '#b', ',', '_', '_x', 'n', 'c', '08.3f', 'e', '%', '.2%', '#010b']
for s in specs:
    row = []
    for i in ints:
        try:
            row.append(format(i, s))
        except (ValueError, OverflowError) as e:
            row.append('<%s>' % e)
    print(repr(s), '|'.join(row))
floats = [0.0, -0.0, 1.5, -2.25, 1234567.891, 1e-7, 1e20, float('inf'), float('nan')]
fspecs = ['', 'f', '.2f', '10.3f', '<10.1f', '+.1f', 'e', '.3e', 'E', 'g', '.3g', 'G', '#g', '%',
          '.1%', ',', ',.2f', '_.1f', '012.2f', '=+12.2f', 'n', '.0f', '#.0f', '.10g', ' .2e']
for s in fspecs:
    print(repr(s), '|'.join(format(f, s) for f in floats))
strs = ['', 'a', 'hello', 'héllo']
for s in ['', '5', '<5', '>5', '^5', '*^6', '.2', '7.3', '-<4']:
    print(repr(s), '|'.join(format(x, s) for x in strs))
for v, s in [('x', 'd'), (1.5, 'd'), (1, 's'), ('x', '+'), ('x', '='), (1, '.2d'), (1, ',x'),
             (-1, 'c'), ('x', ','), (1.0, 'x'), (2, ',_')]:
    try:
        print(format(v, s))
    except (ValueError, TypeError, OverflowError) as e:
        print(type(e).__name__ + ':', e)
print(format(1 + 2j, '.1f'), format(-1.5 - 0j, ''), format(3j, '>10'), format(True, '^6'))
print(format(2 ** 100, ','), format(-2 ** 70, '_x'), format(10 ** 20, 'e'), format(7, '\x00<3') == '7\x00\x00')
