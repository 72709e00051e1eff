# bytearray: mutation through methods, item and slice assignment, deletion, in-place ops.
ba = bytearray(b'hello')
print(ba, len(ba), ba[0], ba[1:3], type(ba[1:3]).__name__)
ba[0] = 72
print(ba)
ba.append(33)
ba.extend(b' world')
ba.extend([63, 63])
print(ba)
ba[0:5] = b'J'
print(ba)
ba[1:1] = b'___'
print(ba)
del ba[1:4]
del ba[-1]
print(ba, ba.pop(), ba.pop(0), ba)
ba.insert(0, 74)
ba.insert(100, 46)
ba.remove(ord('w'))
print(ba)
ba.reverse()
print(ba)
ba2 = bytearray(3)
ba2 += b'xy'
ba2 *= 2
print(ba2, bytearray(), bytearray([1, 2]), bytearray('é', 'utf-8'), bytearray(range(65, 70)))
c = bytearray(b'abcdef')
c[::2] = b'XYZ'
print(c, c.upper(), c.find(b'Y'), c.replace(b'X', b''), c.hex(), c.decode())
print(bytearray(b'a,b').split(b','), bytearray(b' s ').strip(), bytes(c), c == b'XbYdZf')
for f in [lambda: c.__setitem__(0, 256), lambda: c.__setitem__(0, b'ab'), lambda: c.remove(0),
          lambda: bytearray().pop(), lambda: c.__setitem__(slice(None, None, 2), b'x'),
          lambda: hash(c)]:
    try:
        f()
    except Exception as e:
        print(type(e).__name__ + ':', e)
c.clear()
print(c, len(c), bytearray(b'abc').copy(), bytearray.fromhex('41 42'))
d = bytearray(b'xyz')
d[1] = d[0]
print(d, d.count(b'x'), d.index(b'z'), list(d))
