# _struct: every format character, byte orders and native alignment, Struct objects,
# pack_into/unpack_from/iter_unpack, and the errors (ranges, buffers, formats) of each version.
import _struct as struct
print(struct.pack('@bhiq', 1, 2, 3, 4), struct.calcsize('@bhiq'), struct.calcsize('=bhiq'))
print(struct.unpack('<hHiIqQ', struct.pack('<hHiIqQ', -2, 65535, -3, 2**32-1, -2**63, 2**64-1)))
print(struct.unpack('>e', struct.pack('>e', 1.5)), struct.pack('<e', 0.1), struct.pack('<e', -6.1e-5), struct.unpack('<e', b'\x01\x00'))
for x in [1e-8, 65519.0, 2049.0, 3.0e-7, 0.333]:
    try: print(struct.pack('<e', x))
    except OverflowError as e: print(e)
print(struct.pack('3s2p', b'abcdef', b'xyz'), struct.unpack('3s2p', b'abc\x05z'))
print(struct.pack('?c', 0, b'q'), list(struct.iter_unpack('<H', b'\x01\x00\x02\x00')))
s = struct.Struct('>I'); b = bytearray(8); s.pack_into(b, 2, 0xdeadbeef); print(b, s.unpack_from(b, 2), s.size)
print(struct.unpack('d', struct.pack('d', 3.25)), struct.unpack('<f', struct.pack('<f', 0.1)))
print(struct.pack('P', 5), struct.pack('nN', -1, 1), struct.pack('x3xb', 7))
class I:
    def __index__(self): return 42
print(struct.pack('<i', I()), struct.pack('>q', True))
it = struct.iter_unpack('b', b'\x01\xff'); print(next(it), it.__length_hint__(), list(it))
def t(f):
    try: r = f(); print(repr(r))
    except Exception as e: print(type(e).__name__, e)
t(lambda: struct.pack('b', 200)); t(lambda: struct.pack('B', -1)); t(lambda: struct.pack('h', 70000)); t(lambda: struct.pack('H', -1))
t(lambda: struct.pack('i', 2**31)); t(lambda: struct.pack('<i', 2**31)); t(lambda: struct.pack('I', -1)); t(lambda: struct.pack('<I', -1))
t(lambda: struct.pack('l', 2**63)); t(lambda: struct.pack('<l', 2**31)); t(lambda: struct.pack('q', 2**63)); t(lambda: struct.pack('<q', 2**63)); t(lambda: struct.pack('Q', -1)); t(lambda: struct.pack('<Q', -1))
t(lambda: struct.pack('<Q', 2**64)); t(lambda: struct.pack('n', 2**63)); t(lambda: struct.pack('N', -1))
t(lambda: struct.pack('i', 1.5)); t(lambda: struct.pack('i', 'x')); t(lambda: struct.pack('c', 'x')); t(lambda: struct.pack('c', b'xy')); t(lambda: struct.pack('s', 'x')); t(lambda: struct.pack('p', 1))
t(lambda: struct.pack('f', 'x')); t(lambda: struct.pack('f', 1e300)); t(lambda: struct.pack('e', 1e300)); t(lambda: struct.pack('<e', 65504.0))
t(lambda: struct.pack('z')); t(lambda: struct.pack('3')); t(lambda: struct.pack('<n', 1)); t(lambda: struct.pack('ii', 1)); t(lambda: struct.pack('i', 1, 2))
t(lambda: struct.unpack('i', b'abc')); t(lambda: struct.unpack_from('i', b'abc', 2)); t(lambda: struct.unpack_from('i', b'abcdef', -9)); t(lambda: struct.unpack_from('i', b'abcdef', -2))
t(lambda: list(struct.iter_unpack('h', b'abc'))); t(lambda: struct.iter_unpack('', b'')); t(lambda: struct.pack_into('i', bytearray(3), 0, 1)); t(lambda: struct.pack_into('i', bytearray(8), 6, 1)); t(lambda: struct.pack_into('i', bytearray(8), -9, 1))
t(lambda: struct.pack_into('i', bytearray(8))); t(lambda: struct.pack_into('i')); t(lambda: struct.pack_into('i', b'12345678', 0, 1))
t(lambda: struct.Struct(3)); s = struct.Struct('<ih'); t(lambda: (s.format, s.size)); t(lambda: repr(s)[:9]); t(lambda: struct.calcsize('@bi?q')); t(lambda: struct.calcsize(b'3s2x'))
t(lambda: struct.pack('?', [])); t(lambda: struct.unpack('?', b'\x05')); t(lambda: struct.pack('5p', b'abcdefgh')); t(lambda: struct.unpack('5p', b'\x09abcd'))
t(lambda: struct.pack('i', True)); t(lambda: struct.pack('P', -1)); t(lambda: struct.pack('<P', 1)); t(lambda: struct.calcsize('999999999999999999999i'))
t(lambda: struct.unpack('<e', b'\x00\x7c')); t(lambda: struct.pack('<d', float('nan'))); t(lambda: struct.pack('b', 2**70)); t(lambda: struct.error.__module__)
t(lambda: struct.pack(' < 2 h ', 1, 2)); t(lambda: struct.pack('<0s', b'')); t(lambda: struct.unpack('ii', b'x'*8, 1))
