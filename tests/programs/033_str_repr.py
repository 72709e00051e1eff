# needs: compiler
# repr/ascii of strings: quote selection, escapes of control and non-printable characters.
samples = ['plain', "it's", 'say "hi"', 'both \' and "', '\n\r\t', '\x00\x1f\x7f', '\\',
           'é', '日本', '\u200b', '\ud800' if False else 'x', '\U0001F600', '\x85', '\xa0', '\xad',
           '\u2028', '\U000E0001', 'tab\tend', '']
for s in samples:
    print(repr(s), ascii(s), len(repr(s)))
print(repr(['a', "b'", 'c"']), repr(('é',)), repr({'k\n': 'v\t'}), str(['\n']))
print(ascii(['é', 1, 'x']), ascii({'ü': b'\xff'}), repr(b'\xe9\n\'"'), repr(b"'"), repr(b'"\''))
print('%r %a' % ('\u0394', '\u0394'), '{!r}'.format('\x0b'))
class S(str):
    pass
print(repr(S('sub')), str(S('sub')), type(str(S('sub'))).__name__)
print(eval(repr('a\'b"c\n\x00é')) == 'a\'b"c\n\x00é', eval(ascii('日\x7f')) == '日\x7f')
