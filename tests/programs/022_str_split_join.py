# split/rsplit/splitlines/join with separators, maxsplit and whitespace rules.
print('a,b,,c'.split(','), 'a,b,,c'.split(',', 1), 'a,b,,c'.rsplit(',', 1), ','.split(','))
print('  a  b \t c\n'.split(), '  a  b  '.split(' '), ''.split(), ''.split(','), '   '.split())
print('a b c d'.split(None, 2), 'a b c d'.rsplit(None, 2), 'a b c d'.split(maxsplit=1))
print('a::b::c'.split('::'), 'abcabc'.split('bc'), 'aaa'.split('a'), 'x'.split('x'))
print('one\ntwo\r\nthree\rfour\n'.splitlines(), 'a\n\nb\n'.splitlines(True), ''.splitlines())
print('line\x0bvt\x0cff\x1cfs\u2028ls'.splitlines(), 'no newline'.splitlines())
print('\n'.split('\n'), 'a\nb\n'.split('\n'), '1 2 3'.split(' ', 0), 'a b'.split(' ', -1))
print('-'.join(['a', 'b', 'c']), ''.join(['x', 'y']), ', '.join([]), ' '.join('abc'))
print('/'.join(str(i) for i in range(5)), '+'.join(map(str, [1, 2, 3])))
print('.'.join(('only',)), 'sep'.join(['', '', '']), '\n'.join(['l1', 'l2']))
try:
    ','.join(['a', 1])
except TypeError as e:
    print('TypeError:', e)
try:
    'a b'.split('')
except ValueError as e:
    print('ValueError:', e)
csv = 'name=ann;age=31;city=oslo'
rec = dict(kv.split('=') for kv in csv.split(';'))
print(rec, ';'.join('%s=%s' % kv for kv in sorted(rec.items())))
words = 'the quick brown fox jumps over the lazy dog'.split()
print(len(words), ' '.join(reversed(words)), ' '.join(w[::-1] for w in words))
print('a,b;c d'.replace(';', ',').replace(' ', ',').split(','))
