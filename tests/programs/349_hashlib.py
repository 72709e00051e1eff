# needs: stdlib
# hashlib over the native hash modules: every guaranteed algorithm's digest of a few
# inputs, incremental updates and copies, names and sizes, SHAKE lengths, BLAKE2's key,
# salt, person and tree parameters, hmac, and the errors of bad arguments.
import hashlib
import hmac

DATA = [b'', b'abc', b'The quick brown fox jumps over the lazy dog', bytes(range(256)) * 5]
NAMES = ['md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512',
         'sha3_224', 'sha3_256', 'sha3_384', 'sha3_512', 'blake2b', 'blake2s']

for name in NAMES:
    ctor = getattr(hashlib, name)
    h = ctor()
    print(name, h.name, h.digest_size, h.block_size)
    for d in DATA:
        print(' ', len(d), ctor(d).hexdigest())
    # Incremental updates in odd pieces equal the one-shot digest; copies are independent.
    h = hashlib.new(name)
    big = DATA[3]
    for i in range(0, len(big), 37):
        h.update(big[i:i + 37])
    c = h.copy()
    c.update(b'more')
    print('  pieces', h.hexdigest() == ctor(big).hexdigest(), c.digest() != h.digest(),
          h.digest().hex() == h.hexdigest())

for name in ['shake_128', 'shake_256']:
    h = hashlib.new(name, b'abc')
    print(name, h.name, h.digest_size, h.block_size, h.hexdigest(10), len(h.digest(100)))

for kw in [dict(), dict(digest_size=20), dict(key=b'secret'), dict(salt=b'pepper'),
           dict(person=b'me'), dict(key=b'k' * 32, digest_size=16, salt=b's', person=b'p'),
           dict(fanout=2, depth=3, leaf_size=4096, node_offset=5, node_depth=1,
                inner_size=16),
           dict(last_node=True), dict(fanout=0, depth=255, node_offset=2 ** 40)]:
    for ctor in [hashlib.blake2b, hashlib.blake2s]:
        h = ctor(b'data', **kw)
        h.update(b'x' * 200)
        print(ctor.__name__, sorted(kw), h.digest_size, h.hexdigest())

print(hmac.new(b'key', b'message', 'sha256').hexdigest())
print(hmac.new(b'key', b'message', hashlib.md5).hexdigest())
print(hmac.compare_digest(b'abc', b'abc'), hmac.compare_digest('a', 'b'))
print(sorted(hashlib.algorithms_guaranteed))
print(hashlib.sha256(memoryview(b'abc')).hexdigest() == hashlib.sha256(b'abc').hexdigest(),
      hashlib.sha1(bytearray(b'abc')).hexdigest())

for bad in [lambda: hashlib.sha256('text'), lambda: hashlib.md5().update('text'),
            lambda: hashlib.blake2b(digest_size=65), lambda: hashlib.blake2s(digest_size=0),
            lambda: hashlib.blake2b(key=b'k' * 65), lambda: hashlib.blake2s(salt=b's' * 9),
            lambda: hashlib.blake2b(person=b'p' * 17), lambda: hashlib.blake2b(fanout=256),
            lambda: hashlib.blake2b(depth=0), lambda: hashlib.blake2b(node_depth=-1),
            lambda: hashlib.blake2s(inner_size=33), lambda: hashlib.blake2b(leaf_size=2 ** 32),
            lambda: hashlib.blake2s(node_offset=2 ** 48), lambda: hashlib.new('nope')]:
    try:
        bad()
    except (TypeError, ValueError, OverflowError) as e:
        print(type(e).__name__, e)
