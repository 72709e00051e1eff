# _io.StringIO and _io.BytesIO (through the native _io module): reading, writing past
# the end, seek/tell/truncate, newline handling, iteration, closed objects, subclasses,
# and the stream classes composed by hand (FileIO-free: a Python raw stream under a
# BufferedReader, a BytesIO under a TextIOWrapper), IncrementalNewlineDecoder.
import _io


def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, '%s: %s' % (type(e).__name__, e))
        return
    print(label, repr(r))


s = _io.StringIO('hello\nworld\nlast')
print(s.read(3), s.tell(), s.readline(), s.readlines(), repr(s.read()))
print(s.seek(0), list(s), s.getvalue())
print(s.seek(20), s.write('X'), repr(s.getvalue()), s.tell())
print(s.truncate(5), repr(s.getvalue()), s.tell(), s.write('!'), repr(s.getvalue()))
print(s.readable(), s.writable(), s.seekable(), s.closed, s.line_buffering, s.newlines)
show('seek cur', lambda: s.seek(1, 1))
show('seek neg', lambda: s.seek(-1))
show('write bytes', lambda: s.write(b'x'))
show('init int', lambda: _io.StringIO(3))
show('bad newline', lambda: _io.StringIO(newline='x'))
s.close()
show('closed read', s.read)
show('closed getvalue', s.getvalue)
print(s.closed)

for nl in [None, '', '\n', '\r', '\r\n']:
    t = _io.StringIO('a\nb\r\nc\rd', newline=nl)
    print(repr(nl), repr(t.getvalue()), t.readlines(), repr(t.newlines))

with _io.StringIO() as t:
    print(t.write('x\ny'), t.writelines(['1', '2\n']), repr(t.getvalue()))
print(t.closed)

b = _io.BytesIO(b'abc\ndef')
print(b.read(2), b.read1(1), b.readline(), b.read(), b.tell(), b.getvalue())
print(b.seek(10), b.write(b'Z'), b.getvalue(), b.seek(-3, 2), b.read())
ba = bytearray(3)
print(b.seek(0), b.readinto(ba), ba, b.truncate(2), b.getvalue(), b.tell())
print(bytes(b.getbuffer()), b.seek(0, 1), list(_io.BytesIO(b'1\n2\n3')))
show('write str', lambda: b.write('x'))
show('seek neg', lambda: b.seek(-1))
show('truncate neg', lambda: b.truncate(-1))
b.close()
show('closed read', b.read)
print(b.closed)


class Upper(_io.StringIO):
    def write(self, text):
        return super().write(text.upper())


u = Upper()
print(u.write('shout'), u.getvalue(), isinstance(u, _io._TextIOBase), isinstance(u, _io._IOBase))
print(type(u).__mro__[1:])


class Source(_io._RawIOBase):
    def __init__(self, data):
        self.data = data

    def readable(self):
        return True

    def readinto(self, buf):
        n = min(len(buf), len(self.data), 3)
        buf[:n] = self.data[:n]
        self.data = self.data[n:]
        return n


r = _io.BufferedReader(Source(b'line one\nline two\n'), 4)
print(r.readline(), r.read(4), r.read(), r.read())
print(Source(b'abcdefg').read(), Source(b'xyz').read(2))

w = _io.TextIOWrapper(_io.BytesIO(b'caf\xc3\xa9\r\nbar'), encoding='utf-8')
print(w.readlines(), w.encoding, repr(w.newlines))
w = _io.TextIOWrapper(_io.BytesIO(), encoding='latin-1', newline='\r\n')
print(w.write('a\nb'), w.buffer.getvalue(), w.flush(), w.buffer.getvalue())

d = _io.IncrementalNewlineDecoder(None, translate=True)
print(repr(d.decode('a\r')), repr(d.decode('\nb\r')), repr(d.decode('', final=True)), d.newlines)
d = _io.IncrementalNewlineDecoder(None, translate=False)
print(repr(d.decode('x\r\ny\rz\n', final=True)), d.newlines, d.getstate())
print(_io.DEFAULT_BUFFER_SIZE, issubclass(_io.UnsupportedOperation, OSError),
      issubclass(_io.UnsupportedOperation, ValueError), _io.UnsupportedOperation.__module__)
print([c.__name__ for c in (_io.FileIO, _io.BufferedWriter, _io.BufferedRandom, _io.BufferedRWPair)])
