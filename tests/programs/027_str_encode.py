# str.encode / bytes.decode with codecs and error handlers, and the UnicodeError messages.
s = 'héllo wörld €'
print(s.encode(), s.encode('utf-8'), len(s.encode('utf-8')), s.encode('utf-16-le')[:6])
print(s.encode('latin-1', 'replace'), s.encode('ascii', 'ignore'), s.encode('ascii', 'replace'))
print(s.encode('ascii', 'xmlcharrefreplace'), s.encode('ascii', 'backslashreplace'))
print('😀'.encode('utf-8'), '😀'.encode('utf-16-be'), '😀'.encode('utf-32-le'))
b = 'naïve café'.encode('utf-8')
print(b.decode('utf-8'), b.decode('latin-1'), b.decode('ascii', 'replace'), b.decode('ascii', 'ignore'))
print(b'\xff\xfeab'.decode('utf-8', 'replace'), b'\xc3'.decode('utf-8', 'backslashreplace'))
print(bytes([233]).decode('cp1252'), 'Ω'.encode('cp1253'), 'abc'.encode('utf-16'))
for f in [lambda: s.encode('ascii'), lambda: b'\xff'.decode('utf-8'), lambda: b'\xe2\x82'.decode(),
          lambda: 'x'.encode('no-such-codec'), lambda: '€'.encode('latin-1')]:
    try:
        f()
    except (UnicodeError, LookupError) as e:
        print(type(e).__name__ + ':', e)
try:
    b'a\x80b'.decode('ascii')
except UnicodeDecodeError as e:
    print(e.encoding, e.start, e.end, e.reason, e.object)
try:
    'ab\u20acd'.encode('latin-1')
except UnicodeEncodeError as e:
    print(e.encoding, e.start, e.end, e.reason, e.object)
print(str(b'abc', 'ascii'), str(bytearray(b'xy'), 'utf-8'), bytes('ü', 'utf-8'), bytes('ü', 'latin-1'))
print('A'.encode('utf-8') == b'A', '\u0000'.encode(), ''.encode(), 'tschüß'.encode('utf-8').decode('utf-8'))
