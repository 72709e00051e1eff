# bytes: literals, repr, indexing to ints, slicing, methods, formatting, conversions.
b = b'hello\x00\xff\n"\''
print(b, len(b), b[0], b[-1], b[1:3], b[::-1][:3], list(b[:3]), type(b[0]).__name__)
print(bytes(3), bytes([65, 66, 67]), bytes(range(5)), bytes('héllo', 'utf-8'), bytes(b'copy'), bytes())
print(b'abc' + b'def', b'ab' * 3, b'b' in b'abc', 98 in b'abc', b'' in b'x', b'abc' < b'abd')
print(b'a,b,,c'.split(b','), b'  x y '.split(), b'-'.join([b'a', b'b']), b'abc'.replace(b'b', b'XY'))
print(b'Hello'.upper(), b'Hello'.lower(), b'  pad '.strip(), b'abc'.find(b'c'), b'aXbXc'.count(b'X'))
print(b'hello'.startswith(b'he'), b'hello'.endswith((b'x', b'lo')), b'abc'.index(b'b'), b'a\nb'.splitlines())
print(b'\x00\x01\xfe'.hex(), bytes.fromhex('de ad BE EF'), b'hi'.decode(), b'abc'.center(7, b'*'))
print(b'%d-%s-%x' % (5, b'z', 255), b'abc'.isalpha(), b'123'.isdigit(), b'ab'.zfill(4), b'ab c'.title())
print(b'x'.join([b'1', b'2', b'3']), b'abcabc'.partition(b'c'), b'abcabc'.rpartition(b'c'))
print(list(b'AZ'), [chr(c) for c in b'hi'], bytes([x ^ 0x20 for x in b'abc']), sum(b'\x01\x02'))
print(b'abc' == b'abc', b'abc' == 'abc', b'abc' == bytearray(b'abc'), hash(b'x') == hash(b'x'))
print(repr(b"'"), repr(b'"'), repr(b'\'"'), repr(b'\t\r\x7f\x80'))
for f in [lambda: b'a' + 'b', lambda: bytes([256]), lambda: bytes('x'), lambda: b'abc'[5],
          lambda: b'x'.decode('ascii') + 1, lambda: bytes(-1), lambda: b'%d' % b'x']:
    try:
        f()
    except Exception as e:
        print(type(e).__name__ + ':', e)
print(int.from_bytes(b'\x00\x10', 'big'), (4096).to_bytes(2, 'big'), b'abc'.translate(bytes.maketrans(b'abc', b'xyz')))
print(max(b'az'), min(b'az'), sorted(b'cab'), bytes(sorted(b'cab')), b'ab'.__len__())
