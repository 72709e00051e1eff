# None: identity, equality, truthiness, repr, and where it appears implicitly.
def nothing():
    pass

def early(flag):
    if flag:
        return
    return 1

x = None
print(x, repr(x), str(x))
print(type(x).__name__, type(None)() is None)
print(x is None, x is not None, x == None, x != None)
print(bool(x), not x)
print(nothing(), nothing() is None)
print(early(True), early(False))
print([None, None], (None,), {None: None})
print(None in [1, None], None in [1, 2])
d = {}
print(d.get('missing'), [].sort(), print('inside') is None)
a = [3, 1, 2]
r = a.sort()
print(r, a)
print(None or 'default', None and 'never', 0 or None)
print(hash(None) == hash(None))
try:
    None + 1
except TypeError as e:
    print('TypeError', e)
try:
    len(None)
except TypeError as e:
    print('TypeError', e)
try:
    None()
except TypeError as e:
    print('TypeError', e)
try:
    for i in None:
        pass
except TypeError as e:
    print('TypeError', e)
print(sorted([(1, 'b'), (0, 'a')]) == [(0, 'a'), (1, 'b')])
print('%s|%r' % (None, None), '{}'.format(None), f'{None}')
