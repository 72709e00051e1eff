# needs: stdlib
# A small os / os.path: separators, pure path functions, file tests, errors.
import os
import os.path
from os import path as p2
from os.path import join
print(os.name, os.sep, os.curdir, os.pardir, os.pathsep, repr(os.linesep), os.altsep)
print(os.path is p2, join is os.path.join)
for a in ['', '/', 'a', 'a/', '/a/b', 'a/b/', '//a', '///a', 'a/./b/../c', '../x/..',
          '.hidden', 'archive.tar.gz', 'dir.d/file', '..', 'a/b.c/', '/a//b']:
    print(repr(a), os.path.split(a), os.path.basename(a), repr(os.path.dirname(a)),
          os.path.splitext(a), os.path.normpath(a), os.path.isabs(a))
print(join('a', 'b', 'c'), join('a/', 'b'), join('a', '/b', 'c'), join('', 'x'), join('a', ''))
print(os.getcwd() == os.path.abspath('.'), os.path.abspath('x/../y') == os.path.join(os.getcwd(), 'y'))
print(os.path.exists('tests'), os.path.isdir('tests'), os.path.isfile('tests'),
      os.path.isfile('Cargo.toml'), os.path.exists('no/such/path'))
print(sorted(n for n in os.listdir('tests/programs') if n.startswith('00')))
print(isinstance(os.environ.get('PATH', ''), str), os.getenv('XPY_SURELY_UNSET', 'dflt'))
print(type(os.getpid()).__name__, os.path.getsize('tests/programs/001_none.py') > 0)
for f, args in [(os.listdir, ('no_such_dir',)), (os.mkdir, ('tests',)),
                (os.remove, ('no_such_file',)), (os.path.getsize, ('no_such_file',))]:
    try:
        f(*args)
    except OSError as e:
        print(type(e).__name__, e.errno, e.strerror, e.filename, '|', e)
try:
    join('a', 3)
except TypeError as e:
    print('TypeError')
