# memoryview basics: indexing, slicing without copying, tobytes/tolist, writes through to bytearray.
buf = bytearray(b'abcdefgh')
m = memoryview(buf)
print(len(m), m[0], m[-1], m.tobytes(), m[2:5].tobytes(), m.tolist()[:3], m.readonly)
print(bytes(m[::2]), m[1:4].tolist(), m.nbytes, m.itemsize, m.format, m.ndim, m.shape)
m[0] = ord('A')
m[1:3] = b'BC'
print(buf)
sub = m[4:]
sub[0] = ord('E')
print(buf, sub.tobytes())
ro = memoryview(b'immutable')
print(ro.readonly, ro[0:3].tobytes(), ro == b'immutable', ro.tobytes().upper())
try:
    ro[0] = 1
except TypeError as e:
    print('TypeError:', e)
try:
    m[0:2] = b'xyz'
except ValueError as e:
    print('ValueError:', e)
try:
    m[100]
except IndexError as e:
    print('IndexError:', e)
print(bytes(memoryview(b'xyz')), bytearray(memoryview(b'q')), list(memoryview(b'\x01\x02')))
print(m.hex(), memoryview(b'ab') == memoryview(b'ab'), b''.join([memoryview(b'a'), b'b']))
with memoryview(bytearray(b'ctx')) as mv:
    print(mv.tobytes())
try:
    mv.tobytes()
except ValueError as e:
    print('ValueError:', e)
