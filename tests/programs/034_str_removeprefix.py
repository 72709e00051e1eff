# min-version: 3.9
# str.removeprefix/removesuffix and bytes counterparts (3.9+).
for s in ['test_case', 'testing', 'test', 'atest', '']:
    print(repr(s), repr(s.removeprefix('test')), repr(s.removesuffix('test')), repr(s.removeprefix('')))
print(b'prefix-body'.removeprefix(b'prefix-'), bytearray(b'body.txt').removesuffix(b'.txt'))
print('aaa'.removeprefix('a'), 'aaa'.removesuffix('aa'), 'x'.removeprefix('xx'))
try:
    'a'.removeprefix(None)
except TypeError as e:
    print('TypeError:', e)
names = ['img_001.png', 'img_002.jpg', 'doc.png']
print([n.removeprefix('img_').removesuffix('.png') for n in names])
