# needs: stdlib
# The real os.py and posixpath.py over the native posix module: files made in a fresh
# directory with os.open/write/read/lseek, stat results, listdir/scandir, rename and
# replace, environ, fspath, pipes, path functions and the errors of missing files.
import os
import stat
import sys

D = '_t331_%d' % os.getpid()
os.mkdir(D)


def p(*names):
    return os.path.join(D, *names)


def show(label, f):
    try:
        r = f()
    except OSError as e:
        r = '%s errno=%s %s' % (type(e).__name__, e.errno, str(e).replace(D, 'D'))
    except Exception as e:
        r = '%s: %s' % (type(e).__name__, e)
    print(label, r)


try:
    fd = os.open(p('a.txt'), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    print('write', os.write(fd, b'hello world\n'), os.get_inheritable(fd))
    os.close(fd)
    fd = os.open(p('a.txt'), os.O_RDONLY)
    print('read', os.read(fd, 5), os.lseek(fd, 0, os.SEEK_CUR), os.read(fd, 100))
    print('seek', os.lseek(fd, 6, os.SEEK_SET), os.read(fd, 5))
    st = os.fstat(fd)
    os.close(fd)
    print('fstat', st.st_size, stat.S_ISREG(st.st_mode), stat.S_ISDIR(st.st_mode))
    st = os.stat(p('a.txt'))
    print('stat', len(st), st[6], st.st_size, type(st.st_mtime).__name__,
          type(st.st_mtime_ns).__name__, st.st_mtime_ns // 10**9 == st[8],
          oct(stat.S_IMODE(st.st_mode) & 0o600))
    print(type(st).__name__, type(st).__module__, isinstance(st, tuple))
    print(os.stat(p('a.txt'), follow_symlinks=False).st_size == os.lstat(p('a.txt')).st_size)
    with open(p('b.bin'), 'wb') as f:
        f.write(bytes(range(10)))
    os.mkdir(p('sub'))
    print('listdir', sorted(os.listdir(D)))
    print('listdir bytes', sorted(os.listdir(os.fsencode(D))))
    entries = sorted(os.scandir(D), key=lambda e: e.name)
    print('scandir', [(e.name, e.is_dir(), e.is_file(), e.is_symlink()) for e in entries])
    print([os.fspath(e) == p(e.name) for e in entries], repr(entries[0]))
    with os.scandir(D) as it:
        print('with scandir', sorted(e.name for e in it))
    print('exists', os.path.exists(p('a.txt')), os.path.isdir(p('sub')), os.path.isfile(p('sub')),
          os.path.getsize(p('b.bin')))
    os.rename(p('a.txt'), p('c.txt'))
    os.replace(p('b.bin'), p('c.txt'))
    print('after rename', sorted(os.listdir(D)), os.path.getsize(p('c.txt')))
    show('stat missing', lambda: os.stat(p('nope')))
    show('open missing', lambda: os.open(p('nope'), os.O_RDONLY))
    show('mkdir exists', lambda: os.mkdir(p('sub')))
    show('rmdir file', lambda: os.rmdir(p('c.txt')))
    show('unlink dir', lambda: os.unlink(p('sub')))
    show('rename missing', lambda: os.rename(p('nope'), p('nope2')))
    show('listdir file', lambda: os.listdir(p('c.txt')))
    show('read closed', lambda: os.read(9999, 1))
    show('stat type', lambda: os.stat(3.5))
    show('fspath', lambda: os.fspath(42))
    r, w = os.pipe()
    os.write(w, b'through the pipe')
    os.close(w)
    print('pipe', os.read(r, 100), os.read(r, 100))
    os.close(r)
    os.environ['XPY_T331'] = 'value'
    print('environ', os.environ['XPY_T331'], os.getenv('XPY_T331'), 'XPY_T331' in os.environ,
          os.environb[b'XPY_T331'])
    del os.environ['XPY_T331']
    print('unset', os.getenv('XPY_T331', 'gone'))
    print('fsencode', os.fsencode('abc'), os.fsdecode(b'abc'))
    print('strerror', os.strerror(2))
    print('path', os.path.normcase('A/b'), os.path.commonprefix(['/usr/lib', '/usr/local']),
          os.path.join('a', 'b'), os.path.splitext('x.tar.gz'), os.path.basename('/a/b'))
    print('consts', os.F_OK, os.R_OK, os.W_OK, os.X_OK, os.sep, os.name, os.curdir)
    print('access', os.access(p('c.txt'), os.F_OK), os.access(p('nope'), os.F_OK))
    print('types', type(os.getpid()).__name__, type(os.urandom(3)).__name__, len(os.urandom(3)),
          isinstance(os.cpu_count(), int), type(os.getcwd()).__name__, type(os.getcwdb()).__name__)
    print(issubclass(os.DirEntry, object) if sys.version_info >= (3, 6) else True,
          isinstance(p('x'), os.PathLike), os.error is OSError)
    walked = [(os.path.relpath(root, D), sorted(dirs), sorted(files)) for root, dirs, files in os.walk(D)]
    print('walk', sorted(walked))
finally:
    for root, dirs, files in os.walk(D, topdown=False):
        for f in files:
            os.unlink(os.path.join(root, f))
        for d in dirs:
            os.rmdir(os.path.join(root, d))
    os.rmdir(D)
print('cleaned', os.path.exists(D))
