# center/ljust/rjust/zfill and partition/rpartition.
for w in ['a', 'ab', 'abc', 'abcdef', '']:
    print('[%s][%s][%s][%s][%s]' % (w.center(5), w.ljust(5, '.'), w.rjust(5, '*'), w.center(6, '-'), w.center(2)))
print('abc'.center(8, '='), 'abcd'.center(9, '='), 'x'.center(4), 'xy'.center(5))
for n in ['42', '-42', '+42', '', '3.14', '-', 'abc', '12345']:
    print(repr(n.zfill(5)), end=' ')
print()
print('7'.zfill(-1), '-0'.zfill(3), '+'.zfill(3))
for s, sep in [('key=value=more', '='), ('novalue', '='), ('=lead', '='), ('trail=', '='),
               ('a::b::c', '::'), ('', 'x')]:
    print(repr(s), s.partition(sep), s.rpartition(sep))
try:
    'a'.partition('')
except ValueError as e:
    print('ValueError:', e)
try:
    'a'.center(5, 'ab')
except TypeError as e:
    print('TypeError:', e)
rows = [('apple', 3, 1.5), ('banana', 12, 0.25), ('kiwi', 100, 12.0)]
for name, qty, price in rows:
    print(name.ljust(8) + str(qty).rjust(5) + ('%.2f' % price).rjust(8))
print('|' + 'title'.center(21, '~') + '|')
