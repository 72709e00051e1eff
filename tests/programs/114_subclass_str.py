# Subclassing str: __new__ normalisation, methods return plain str, overriding methods.
class Upper(str):
    def __new__(cls, s):
        return super().__new__(cls, s.upper())
    def shout(self):
        return self + '!'
u = Upper('hello')
print(u, repr(u), type(u).__name__, len(u), u == 'HELLO', u.shout(), type(u.shout()).__name__)
print(type(u.lower()).__name__, type(u[1:]).__name__, type(u + 'x').__name__, type(str(u)).__name__)
print(u.lower(), u[::-1], u * 2, 'HE' in u, u.startswith('HEL'), {u: 1}['HELLO'], u.split('L'))
class CaseInsensitive(str):
    def __eq__(self, other):
        return self.lower() == other.lower()
    def __hash__(self):
        return hash(self.lower())
ci = CaseInsensitive('Key')
print(ci == 'KEY', 'KEY' == ci, ci != 'key', ci in ['kEy'], ci in {'key': 1})
class Tagged(str):
    def __init__(self, s, tag='none'):
        self.tag = tag
    def __new__(cls, s, tag='none'):
        return super().__new__(cls, s)
t = Tagged('text', tag='important')
print(t, t.tag, t.upper(), '%s/%s' % (t, t.tag), f'{t}', format(t, '>8'), t.join(['a', 'b']))
class Path(str):
    def __truediv__(self, other):
        return Path(self.rstrip('/') + '/' + other)
p = Path('/usr') / 'local' / 'bin'
print(p, type(p).__name__, p.count('/'))
class Reprd(str):
    def __repr__(self):
        return 'Reprd(%s)' % str.__repr__(self)
print(repr(Reprd('x')), [Reprd('y')], str(Reprd('z')), '%r' % Reprd('w'))
print(sorted([Upper('b'), 'a', Upper('c')]), ''.join([Upper('a'), 'b']), max(Upper('q'), 'p'))
