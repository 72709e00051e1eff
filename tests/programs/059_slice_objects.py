# slice objects: attributes, repr, indices(), equality, and __getitem__ receiving slices.
s = slice(1, 10, 2)
print(s, s.start, s.stop, s.step, slice(5), slice(None), slice(1, None), repr(slice('a', 'b')))
print(s.indices(5), slice(None, None, -1).indices(10), slice(-3, None).indices(10), slice(-100, 100).indices(4))
print(slice(1, 2) == slice(1, 2), slice(1, 2) != slice(1, 3), slice(1, 2, None) == slice(1, 2))
data = list(range(20))
print(data[s], data[slice(None, None, 5)], data[slice(-3, None)], 'abcdef'[slice(1, 4)])
class Show:
    def __getitem__(self, key):
        return key
sh = Show()
print(sh[1], sh[1:2], sh[::3], sh[1:2, 3], sh[..., 1], sh[:, :], sh['k'], sh[1:2:3])
k = sh[5:]
print(type(k).__name__, k.start, k.stop, k.step)
try:
    slice(1, 2, 0).indices(5)
except ValueError as e:
    print('ValueError:', e)
try:
    hash(slice(1, 2))
    print('hashable slice')
except TypeError as e:
    print('TypeError:', e)
print(sh[1:2] == slice(1, 2), sh[:].start is None, data[slice(3)][::-1])
