import sys
print('argv:', sys.argv[1:], sys.argv[0].endswith('main_sys.pyc'))
print('path0 is absolute:', sys.path[0].startswith('/'))
print('main in modules:', sys.modules['__main__'].__name__, 'sys' in sys.modules)
print('version_info:', sys.version_info[:2] == (sys.version_info.major, sys.version_info.minor))
print('compare:', sys.version_info >= (3,), sys.version_info < (4, 0), sys.version_info > (3, 5))
print('version string:', sys.version.split('.')[:2] == [str(sys.version_info[0]), str(sys.version_info[1])])
print('hexversion:', hex(sys.hexversion >> 16))
print('cache_tag:', sys.implementation.cache_tag)
print('maxsize:', sys.maxsize, sys.byteorder, type(sys.platform).__name__)
limit = sys.getrecursionlimit()
print('recursion limit:', limit)
sys.setrecursionlimit(60)
def down(n):
    return down(n + 1)
try:
    down(0)
except RecursionError as e:
    print('RecursionError:', e)
sys.setrecursionlimit(limit)
for bad in (0, -5):
    try:
        sys.setrecursionlimit(bad)
    except ValueError as e:
        print('ValueError:', e)
print('one', end=' ')
sys.stdout.write('two ')
print('three', file=sys.stdout)
sys.stdout.flush()
print('to stderr', file=sys.stderr)
sys.stderr.write('direct stderr\n')
n = sys.stdout.write('counted\n')
print('write returned', n)
try:
    raise KeyError('k')
except KeyError:
    t, v, tb = sys.exc_info()
    print('exc_info:', t.__name__, repr(v))
print('exc_info outside:', sys.exc_info())
print('intern:', sys.intern('abc') == 'abc')
print('getsizeof int:', sys.getsizeof(1) > 0)
print('modules is dict:', type(sys.modules).__name__)
class Capture:
    def __init__(self):
        self.parts = []
    def write(self, text):
        self.parts.append(text)
        return len(text)
    def flush(self):
        self.parts.append('<flush>')
saved = sys.stdout
sys.stdout = Capture()
print('captured', 42, sep='|')
print('flushed', flush=True)
captured = sys.stdout
sys.stdout = saved
print('capture:', captured.parts)
print('to None file', file=None)
try:
    sys.stdout.write(5)
except TypeError as e:
    print('TypeError:', e)
print('stdin at EOF:', repr(sys.stdin.readline()))
print('streams:', sys.stdout.name, sys.stderr.mode, sys.stdin.fileno(), sys.__stdout__ is sys.stdout)
print('builtin names:', 'sys' in sys.builtin_module_names, type(sys.builtin_module_names).__name__)
print('flags:', sys.flags.optimize, type(sys.flags).__name__)
print('exit next')
sys.exit(3)
