# needs: stdlib
# The native modules 2.7's standard library imports: binascii, _struct, the hash
# modules (_md5, _sha, _sha256, _sha512) under hashlib, exceptions (for copy and
# weakref); and what they return is an ordinary 2.x str.
import binascii, base64, struct, hashlib, random, copy, weakref, exceptions

h = binascii.hexlify('\x00\xffab')
print h, type(h), h == '00ff6162', {h: 1}.get('00ff6162'), repr(binascii.unhexlify('6162'))
print repr(binascii.b2a_base64('hello')), repr(binascii.a2b_base64('aGVsbG8=\n'))
print base64.b64encode('xyz'), base64.b64decode('eHl6'), base64.b16encode('ab'), base64.urlsafe_b64encode('\xfb\xff')
for bad in ['abc', 'zz']:
    try:
        binascii.unhexlify(bad)
    except TypeError as e:
        print 'TypeError', e
try:
    binascii.hexlify(3)
except TypeError as e:
    print 'TypeError', e

packed = struct.pack('<iH', 1, 2)
print repr(packed), type(packed), struct.unpack('>I', '\x00\x00\x01\x00'), struct.calcsize('iq')
s = struct.Struct('2h')
print s.size, s.unpack(s.pack(3, 4)), s.format
for fmt, data in [('i', 'ab')]:
    try:
        struct.unpack(fmt, data)
    except struct.error as e:
        print 'struct.error', e
try:
    struct.pack('i', 'x')
except struct.error as e:
    print 'struct.error', e

print hashlib.md5('abc').hexdigest(), hashlib.sha1('x').hexdigest()
print hashlib.sha256('x').hexdigest()[:16], hashlib.sha512(u'x').hexdigest()[:16]
h = hashlib.new('sha224', 'ab')
h.update('c')
print h.name, h.digest_size, h.block_size, repr(h.digest()[:4]), h.copy().hexdigest() == h.hexdigest()
print hashlib.sha384().hexdigest()[:8], hashlib.md5().name, type(hashlib.md5().digest())
try:
    hashlib.md5(u'\xe9')
except UnicodeEncodeError as e:
    print 'UnicodeEncodeError', e

random.seed(3)
print random.random(), random.randint(0, 10 ** 6), random.sample(range(20), 3)
print copy.deepcopy({'a': [1, (2, 3)]}), copy.copy([1, 2])
print exceptions.ValueError is ValueError, exceptions.StandardError.__name__
print 'RecursionError' in dir(__builtins__), 'FileNotFoundError' in dir(exceptions)
