# _codecs: the per-codec functions, escape codecs, the error handler and codec search
# registries, and str.encode/bytes.decode through registered handlers and codecs.
import _codecs
def t(f):
    try: r = f(); print(repr(r))
    except Exception as e: print(type(e).__name__, e)
t(lambda: _codecs.utf_8_encode('héllo')); t(lambda: _codecs.utf_8_decode(b'h\xc3\xa9\xc3', 'strict', False)); t(lambda: _codecs.utf_8_decode(b'h\xc3\xa9\xc3', 'strict', True))
t(lambda: _codecs.utf_16_encode('ab')); t(lambda: _codecs.utf_16_le_encode('ab')); t(lambda: _codecs.utf_16_be_decode(b'\x00a\x00')); t(lambda: _codecs.utf_16_ex_decode(b'\xfe\xff\x00a'))
t(lambda: _codecs.utf_32_encode('a')); t(lambda: _codecs.latin_1_encode('é')); t(lambda: _codecs.ascii_decode(b'ab\xff', 'replace')); t(lambda: _codecs.ascii_encode('aé', 'xmlcharrefreplace'))
t(lambda: _codecs.unicode_escape_encode('a\té\u1234\U0001f600\\\'')); t(lambda: _codecs.unicode_escape_decode(b'a\\tb\\x41\\u00e9\\101\\\n'))
t(lambda: _codecs.unicode_escape_decode(b'\\x4')); t(lambda: _codecs.raw_unicode_escape_encode('aé\u1234')); t(lambda: _codecs.raw_unicode_escape_decode(b'a\\u00e9\\n'))
t(lambda: _codecs.escape_encode(b'a\n\x00\'"\\')); t(lambda: _codecs.escape_decode(b'a\\n\\x41\\101')); t(lambda: _codecs.escape_decode(b'\\x4z'))
t(lambda: _codecs.lookup_error('strict')); t(lambda: _codecs.lookup_error('nope')); t(lambda: _codecs.lookup('nope'))
def handler(e): return ('<%d>' % e.start, e.end)
_codecs.register_error('mine', handler)
t(lambda: 'aéb'.encode('ascii', 'mine')); t(lambda: b'a\xffb'.decode('utf-8', 'mine'))
t(lambda: _codecs.lookup_error('replace')(UnicodeEncodeError('ascii', 'aéé', 1, 3, 'x')))
t(lambda: _codecs.lookup_error('replace')(UnicodeDecodeError('ascii', b'a\xff\xff', 1, 3, 'x')))
t(lambda: _codecs.lookup_error('backslashreplace')(UnicodeDecodeError('ascii', b'a\xff\xff', 1, 3, 'x')))
t(lambda: _codecs.lookup_error('ignore')(ValueError()))
t(lambda: _codecs.charmap_decode(b'ab', 'strict', 'xyz')); t(lambda: _codecs.charmap_encode('b', 'strict', {98: 1}))
t(lambda: _codecs.charmap_decode(b'ad', 'strict', 'xyz'))
def search(name):
    if name == 'rot_x':
        return (lambda s, e='strict': (s[::-1].encode(), len(s)), lambda b, e='strict': (bytes(b)[::-1].decode(), len(b)), None, None)
_codecs.register(search)
t(lambda: 'abc'.encode('rot_x')); t(lambda: b'abc'.decode('ROT X')); t(lambda: _codecs.encode('abc', 'rot_x')); t(lambda: _codecs.decode(b'xyz', 'latin-1'))
t(lambda: _codecs.lookup('rot_x')[2]); t(lambda: 'x'.encode('nope2'))
