# strip/lstrip/rstrip with and without characters; replace with counts; expandtabs.
s = '  \t hello world \n '
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()), repr(''.strip()))
print('xxhixyx'.strip('x'), 'xxhixyx'.strip('xy'), 'xxhixyx'.lstrip('x'), 'xxhixyx'.rstrip('yx'))
print('www.example.com'.strip('cmowz.'), 'abc'.strip(''), 'aaa'.strip('a') == '')
print(repr('\u3000wide\u00a0'.strip()), repr('\x1c\x1dsep\x1e\x1f'.strip()))
print('aaaa'.replace('a', 'b'), 'aaaa'.replace('a', 'b', 2), 'aaaa'.replace('aa', 'a'))
print('abc'.replace('', '-'), 'abc'.replace('', '-', 2), ''.replace('', 'x'), 'abc'.replace('x', 'y'))
print('hello'.replace('l', ''), 'a.b.c'.replace('.', '::', 1), 'aaa'.replace('a', 'aa', -1))
print('one two'.replace(' ', '\n'))
print(repr('a\tb\tc'.expandtabs()), repr('a\tb'.expandtabs(4)), repr('ab\tc\n\td'.expandtabs(3)))
print('Mississippi'.replace('ss', 'SS').replace('i', '!', 2))
text = '  Keep  Only  Words  '
print('|'.join(text.split()), '|' + text.strip() + '|')
print(' x '.strip().center(5, '*'))
try:
    'abc'.strip(1)
except TypeError as e:
    print('TypeError:', e)
try:
    'abc'.replace('a')
except TypeError as e:
    print('TypeError:', e)
