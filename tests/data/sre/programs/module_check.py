# The _sre module through each version's own pattern compiler (sre_compile up to 3.10,
# re._compiler from 3.11, loaded without running re/__init__.py), compared with CPython
# by tests/sre_module.rs.
import sys, os
if sys.version_info >= (3, 11):
    lib = [p for p in sys.path if os.path.isdir(os.path.join(p, 're'))][0]
    stub = type(sys)('re')
    stub.__path__ = [os.path.join(lib, 're')]
    sys.modules['re'] = stub
    from re import _compiler as sc
else:
    import sre_compile as sc
import _sre
c = sc.compile

print(_sre.MAGIC == sc.MAGIC, _sre.CODESIZE, _sre.MAXREPEAT, getattr(_sre, 'MAXGROUPS', None))
print(sorted(n for n in dir(_sre) if not n.startswith('_')))
if hasattr(_sre, 'unicode_iscased'):
    print([(_sre.unicode_iscased(x), _sre.ascii_iscased(x), _sre.unicode_tolower(x),
            _sre.ascii_tolower(x)) for x in (65, 97, 0x130, 0x3a3, 0x1c5, 0xdf, 48)])
else:
    print([_sre.getlower(x, f) for x in (65, 0x130, 0xc9) for f in (0, 4, 32)])
try:
    _sre.compile('x', 0, [999], 0, {}, (None,))
except RuntimeError as e:
    print('RuntimeError', e)

p = c(r'(?P<w>\w+)\s(\d+)?', 0)
m = p.search('hello 42 world')
print(m, m.group(0), m.group('w'), m.groups(), m.span(2), m.groupdict(), m.lastindex, m.lastgroup)
print(p, p.groups, dict(p.groupindex), p.pattern, p.flags)
print(m[0], m[1], m.start(), m.end('w'), m.regs, m.pos, m.endpos, m.re is p, m.string)
print(m.group(1, 2, 'w'), m.start(2), m.end(2))
print(c('(a)(b)?', 0).match('ac').groups('-'), c('(?P<x>a)(?P<y>b)?', 0).match('a').groupdict(0))
for bad in (5, 'nope', -1):
    try:
        m.group(bad)
    except IndexError as e:
        print('IndexError', e)
try:
    p.match(b'x')
except TypeError as e:
    print('TypeError', e)
try:
    c(b'x', 0).match('x')
except TypeError as e:
    print('TypeError', e)
print(c(r'\d+', 0).findall('a1b22c333'), c(r'(\d)(\w)', 0).findall('1a 2b'))
print(c(r'[,;]\s*', 0).split('a, b;c'), c(r'([,;])', 0).split('a,b;c', 1))
print([m.span() for m in c('x*', 0).finditer('axxb')])
print(c('x*', 0).sub('-', 'abxd'), c('x*', 0).subn('-', 'abxd'), c('a', 0).sub('b', 'aaa', 2))
print(c('a', 2 | 8), c('a', 256), c('a', 2 | 64 | 16 | 8), c('x' * 300, 0))
print(c('a+', 0).fullmatch('aaa'), c('a+', 0).fullmatch('aab'), c(b'\\w+', 0).match(b'hi there'))
print(c('(a)|b', 0).sub(lambda m: m.group(0).upper(), 'abc'), c('(a)|(b)', 0).sub(lambda m: str(m.lastindex), 'abc'))
print(c('straße', 2).match('STRASSE'), c('(?i)ǅ', 0).match('ǆ'), c('(?i)[k]', 0).match('\u212a'))
s = c('a', 0).scanner('aab')
print(s.match(), s.match(), s.match(), s.search())
print(c('\\bé', 0).search('x é'), c(r'(?<=a)b', 0).search('ab'))
print(p == c(r'(?P<w>\w+)\s(\d+)?', 0), p == c(r'(?P<w>\w+)\s(\d+)?', 2), p != 1)
print(hash(p) == hash(c(r'(?P<w>\w+)\s(\d+)?', 0)))
pb = c(b'(\\d+)-(\\w*)', 0)
m = pb.search(b'x 12-ab y')
print(m, m.groups(), pb, pb.flags)
print(pb.findall(b'1-a 2- 3-c'), pb.split(b'a1-xb2-yc'), pb.sub(b'#', b'1-a 2-b'))
print(c(b'a', 2 | 4), c(b'[a-z]+', 2).findall(b'Hello WORLD'), c(b'\\w+', 0).findall(b'h\xe9llo'))
print(c('.+', 0).match('y' * 100))
print(c(r'(?<!\$)\b\d+', 0).findall('$12 34 $5 6'))
print(c(r'(<)?(\w+@\w+(?:\.\w+)+)(?(1)>|$)', 0).match('<user@host.com>').groups())
print(c(r'(\w+) \1', 0).search('hello hello world').group(1))
print(c(r'(?P<a>.)(?P=a)', 0).findall('aabbcd'))
print(c(r'(?i)\bfoo\b', 0).sub('bar', 'Foo food FOO'))
print(c(r'(a+)+$', 0).match('a' * 18 + 'b'))
print(len(c(r'(?:a|b)*c', 0).match('ab' * 50000 + 'c').group()))
print(len(c(r'(a|b)*?c', 0).match('ab' * 50000 + 'c').group()))
print([m.groups() for m in c(r'(\d)(\w)?', 0).finditer('1a2 3')])
print(c(r'^\s*$', 8).findall('a\n\n  \nb'), c(r'[^\W\d_]+', 0).findall('abc_12 déf ü9'))
it = c(r'\w', 0).finditer('ab')
print(next(it).group(), next(it).group(), next(it, 'done'))
print(c(r'(a)|(b)', 0).match('b').lastindex, c(r'(a)(b)', 0).match('ab').lastgroup)
print(c('a|b', 0).match('b', 0, 1), c('a', 0).search('ba', 1), c('$', 0).search('ab', 0, 1))
print(c('a', 0).search('aaa', pos=2), c('a', 0).match(string='a'), c('b', 0).search('ab', -5, 99))
if sys.version_info >= (3, 11):
    print(c('a++b', 0).match('aaab'), c('(?>a+)b', 0).match('aaab'), c('(?>a|ab)c', 0).match('abc'))
    print(c('(?:ab)*+c', 0).findall('ababc abc c'), c('x{1,2}+x', 0).match('xxx'))
try:
    type(p)()
except TypeError as e:
    print('TypeError', e)
print(type(p).__name__, type(m).__name__, type(s).__name__, type(p).__module__)
