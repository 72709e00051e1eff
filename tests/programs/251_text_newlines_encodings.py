# needs: stdlib
# Text files: newline translation on reading and writing for every newline setting,
# encodings (utf-8, latin-1, ascii, utf-16, utf-32, utf-8-sig, cp1252) with error
# handlers, text positions (tell/seek), line buffering and reconfigure-free details.
import os
import sys

D = '_t251_%d' % os.getpid()
os.mkdir(D)
P = D + '/t.txt'


def show(label, f):
    try:
        r = f()
    except Exception as e:
        r = '%s: %s' % (type(e).__name__, e)
        print(label, r)
        return
    print(label, repr(r))


def raw():
    with open(P, 'rb') as f:
        return f.read()


with open(P, 'wb') as f:
    f.write(b'one\ntwo\r\nthree\rfour\r\n\r\nend')
for nl in [None, '', '\n', '\r', '\r\n']:
    with open(P, newline=nl) as f:
        lines = f.readlines()
        print(repr(nl), lines, repr(f.newlines))
    with open(P, newline=nl) as f:
        print(repr(nl), repr(f.read()))
    with open(P, newline=nl) as f:
        print(repr(nl), [f.readline(4) for _ in range(4)])

for nl in [None, '', '\n', '\r', '\r\n']:
    with open(P, 'w', newline=nl) as f:
        f.write('a\nb\r\nc\rd\n')
    print(repr(nl), raw())

# a \r\n split across the read chunks is one newline
with open(P, 'wb') as f:
    f.write(b'x' * 8191 + b'\r\nyy\r\n')
with open(P) as f:
    lines = f.readlines()
    print(len(lines), len(lines[0]), repr(lines[0][-2:]), lines[1:])

# encodings
text = 'caf\xe9 \u20ac \U0001f600 end'
for enc in ['utf-8', 'utf-16', 'utf-16-le', 'utf-16-be', 'utf-32', 'utf-8-sig', 'latin-1', 'ascii', 'cp1252']:
    for errors in ['strict', 'replace', 'ignore', 'backslashreplace', 'xmlcharrefreplace']:
        try:
            with open(P, 'w', encoding=enc, errors=errors) as f:
                f.write(text)
        except UnicodeEncodeError as e:
            print(enc, errors, 'UnicodeEncodeError:', e)
            continue
        data = raw()
        with open(P, encoding=enc, errors='replace') as f:
            back = f.read()
        print(enc, errors, len(data), data[:12], repr(back))

with open(P, 'wb') as f:
    f.write(b'ok \xff\xfe bad \xc3')
for errors in ['strict', 'replace', 'ignore', 'surrogateescape', 'backslashreplace']:
    show(errors, lambda: open(P, encoding='utf-8', errors=errors).read())
show('ascii', lambda: open(P, encoding='ascii').read())
s = open(P, encoding='utf-8', errors='surrogateescape').read()
with open(P, 'w', encoding='utf-8', errors='surrogateescape') as f:
    f.write(s)
print(raw())

# utf-16 written in two pieces has one BOM
with open(P, 'w', encoding='utf-16') as f:
    f.write('ab')
    f.write('cd')
print(raw())
with open(P, 'a', encoding='utf-16') as f:
    f.write('ef')
print(raw(), repr(open(P, encoding='utf-16').read()))

# positions
with open(P, 'w', encoding='utf-8') as f:
    f.write('h\xe9llo\nw\xf6rld\n\u20ac!\n')
with open(P, encoding='utf-8') as f:
    marks = []
    while True:
        pos = f.tell()
        line = f.readline()
        if not line:
            break
        marks.append((pos, line))
    print(marks)
    for pos, line in reversed(marks):
        f.seek(pos)
        print(pos, repr(f.readline()), f.tell())
    print(f.seek(0, 2), repr(f.read()))
    show('nonzero cur seek', lambda: f.seek(3, 1))
    show('nonzero end seek', lambda: f.seek(-1, 2))
    show('negative seek', lambda: f.seek(-1))
    show('whence 5', lambda: f.seek(0, 5))
    f.seek(0)
    print(repr(f.read(2)), f.tell(), repr(f.read(1)), f.tell())
    f.seek(0)
    for line in f:
        show('tell in loop', f.tell)
        break
with open(P, encoding='utf-8') as f:
    print(repr(f.read(3)), f.seek(f.tell()), repr(f.read()))

# line buffering
f = open(P, 'w', buffering=1)
print(f.line_buffering)
f.write('partial')
print(raw())
f.write(' line\nmore')
print(raw())
f.close()
print(raw())

for name in os.listdir(D):
    os.remove(D + '/' + name)
os.rmdir(D)
