# str basics: literals, escapes, concatenation, repetition, indexing, membership, comparison.
s = 'hello'
t = "world"
print(s + ' ' + t, s * 3, 3 * '-', '' * 5, s * 0, s * -1)
print(len(s), len(''), len('\n\t'), len('héllo'), len('日本語'), len('\U0001F600'))
print(s[0], s[-1], s[4], s[-5], 'x' in s, 'ell' in s, '' in s, 'L' in s, 'lo' not in s)
print('abc' < 'abd', 'abc' < 'ab', 'B' < 'a', 'a' == 'a', 'é' > 'z', 'abc' != 'ABC')
print(sorted(['pear', 'Apple', 'apple', 'banana', 'Banana', '', 'a']))
print(max('hello'), min('hello'), 'zeta' > 'alpha' > 'Alpha')
print('tab\there', 'new\\nline', 'quote\'s', "dq\"s", '\x41\x42', '\101', '\u00e9', '\N{BULLET}')
print(r'raw\n\t', R'C:\dir', 'a' 'b' 'c', ('implicit '
                                              'concat'))
print('''triple
quoted''', """also
three""")
print(ord('A'), chr(97), ord('€'), chr(0x1F600) == '\U0001F600', ord('\n'))
for i, ch in enumerate('abc'):
    print(i, ch, end=';')
print()
print(list('héllo'), tuple('ab'), set('aab') == {'a', 'b'})
try:
    s[10]
except IndexError as e:
    print('IndexError:', e)
try:
    s[0] = 'H'
except TypeError as e:
    print('TypeError:', e)
try:
    'a' + 1
except TypeError as e:
    print('TypeError:', e)
try:
    'a' * 'b'
except TypeError as e:
    print('TypeError:', e)
print(str(), str(12), str(1.5), str([1, 'a']), str(b'x'), str(None))
u = 'straße'
print(u.upper(), u.lower(), len(u.upper()), u.casefold(), 'ǅ'.lower(), 'ǅ'.upper())
print('a\0b', len('a\0b'), repr('a\0b'))
print(hash('abc') == hash('ab' + 'c'), 'abc' is not None)
