# needs: stdlib
# open() in every mode on files in a fresh directory: reading, writing, appending,
# exclusive creation, update modes, binary and text, positions, file attributes,
# context managers, iteration and the errors of bad modes and closed files.
import os
import sys

D = '_t250_%d' % os.getpid()
os.mkdir(D)


def p(name):
    return D + '/' + name


def show(label, f):
    try:
        r = f()
    except Exception as e:
        r = '%s: %s' % (type(e).__name__, str(e).replace(D, 'D'))
    print(label, repr(r) if not isinstance(r, str) or not r.startswith(tuple('ABCDEFGHIJKLMNOPQRSTUVWXYZ')) else r)


# write, then read back in several ways
with open(p('a.txt'), 'w') as f:
    print(f.write('first line\n'), f.write('second line\nthird'), f.tell())
    print(f.mode, f.closed, f.name.replace(D, 'D'), f.writable(), f.readable(), f.seekable())
    print(f.encoding, f.errors, f.line_buffering)
print(f.closed)
with open(p('a.txt')) as f:
    print(repr(f.read()))
with open(p('a.txt')) as f:
    print(repr(f.readline()), repr(f.readline(3)), repr(f.readline()), repr(f.readline()), repr(f.readline()))
with open(p('a.txt')) as f:
    print(f.readlines())
with open(p('a.txt')) as f:
    print([line for line in f])
with open(p('a.txt')) as f:
    print(repr(f.read(5)), f.tell(), repr(f.read(0)), repr(f.read(100)), repr(f.read()))
    print(f.seek(0), repr(f.read(3)), f.seek(0, 2), repr(f.read()))
    print(f.seek(6), repr(f.readline()))

# append
with open(p('a.txt'), 'a') as f:
    print(f.tell(), f.write('!\n'))
with open(p('a.txt'), 'r') as f:
    print(f.read().splitlines())

# exclusive creation
with open(p('x.txt'), 'x') as f:
    f.write('new')
show('x again:', lambda: open(p('x.txt'), 'x'))
show('missing:', lambda: open(p('nope.txt')))
show('directory:', lambda: open(D))
show('directory w:', lambda: open(D, 'w'))

# update modes
with open(p('x.txt'), 'r+') as f:
    print(repr(f.read(1)), f.seek(0), f.write('N'), f.seek(0), repr(f.read()))
with open(p('x.txt'), 'w+') as f:
    print(repr(f.read()), f.write('abc'), f.seek(0), repr(f.read()))
    print(f.truncate(1), f.seek(0), repr(f.read()))
with open(p('x.txt'), 'a+') as f:
    print(f.write('zz'), f.seek(0), repr(f.read()))

# binary
with open(p('b.bin'), 'wb') as f:
    print(f.write(b'\x00\x01\x02hello\n'), f.write(bytearray(b'xy')), f.mode, type(f).__name__)
with open(p('b.bin'), 'rb') as f:
    print(f.read(2), f.peek(1)[:1], f.read1(3), f.readline(), f.read(), f.tell())
    print(f.seek(-2, 2), f.read(), f.seek(1), f.read(2), f.seek(1, 1), f.read())
with open(p('b.bin'), 'rb') as f:
    print(list(f), f.raw.mode, type(f.raw).__name__)
with open(p('b.bin'), 'rb', buffering=0) as f:
    print(type(f).__name__, f.read(3), f.readall(), f.closefd)
    b = bytearray(4)
    print(f.seek(0), f.readinto(b), b)
with open(p('b.bin'), 'r+b') as f:
    print(type(f).__name__, f.read(2), f.write(b'AB'), f.seek(0), f.read())
with open(p('b.bin'), 'ab') as f:
    print(f.write(b'END'), f.tell())
with open(p('b.bin'), 'rb') as f:
    print(f.read())

# the file object protocol after close
f = open(p('a.txt'))
f.close()
f.close()
show('read closed:', lambda: f.read())
show('iter closed:', lambda: iter(f))
show('with closed:', lambda: f.__enter__())
show('write read-only:', lambda: open(p('a.txt')).write('x'))
show('read write-only:', lambda: open(p('y.txt'), 'w').read())
show('bytes to text:', lambda: open(p('y.txt'), 'w').write(b'x'))
show('str to binary:', lambda: open(p('y.txt'), 'wb').write('x'))

# bad modes and arguments
for mode in ['rw', 'z', 'rr', 'r+b+', 'tb', '', 'b']:
    show('mode %r:' % mode, lambda: open(p('a.txt'), mode))
show('encoding binary:', lambda: open(p('a.txt'), 'rb', encoding='utf-8'))
show('errors binary:', lambda: open(p('a.txt'), 'rb', errors='strict'))
show('newline binary:', lambda: open(p('a.txt'), 'rb', newline=''))
show('bad newline:', lambda: open(p('a.txt'), newline='x'))
show('unbuffered text:', lambda: open(p('a.txt'), buffering=0))
show('bad encoding:', lambda: open(p('a.txt'), encoding='no-such-codec'))

# file descriptors and closefd
fd = os.open(p('a.txt'), os.O_RDONLY) if hasattr(os, 'open') else None
raw = open(p('a.txt'), 'rb', buffering=0)
g = open(raw.fileno(), closefd=False)
print(repr(g.readline()), g.name == raw.fileno())
g.close()
print(raw.closed, repr(raw.read(5)))
raw.close()
if fd is not None:
    os.close(fd)

# a never-closed writer still reaches the file when it is dropped
def scribble():
    f = open(p('late.txt'), 'w')
    f.write('written late')
scribble()
with open(p('late.txt')) as f:
    print(f.read())

# reprs, also of subclasses (named as the base class before 3.13, except buffered ones)
import _io


class MyFile(_io.FileIO):
    pass


class MyReader(_io.BufferedReader):
    pass


class MyText(_io.TextIOWrapper):
    pass


mf = MyFile(p('a.txt'))
mr = MyReader(_io.FileIO(p('a.txt')))
mt = MyText(_io.BufferedReader(_io.FileIO(p('a.txt'))), encoding='latin-1')
for obj in [mf, mr, mt, open(p('a.txt')), open(p('a.txt'), 'rb'), open(p('a.txt'), 'rb', 0)]:
    print(repr(obj).replace(D, 'D'))
    obj.close()
    print(repr(obj).replace(D, 'D'))

for name in sorted(os.listdir(D)):
    os.remove(p(name))
os.rmdir(D)
print(os.path.exists(D))
