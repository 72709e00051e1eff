"""Imports across a package: submodules, relative imports, __all__, import *, circular
imports, failing imports, and __import__ with its arguments."""
import sys
ROOT = sys.path[0]

def clean(text):
    return str(text).replace(ROOT, '<root>')

def show_error(label, e):
    print(label, type(e).__name__ + ':', clean(e))

print('main:', __name__, __package__, __doc__.split(':')[0])
print('main file ends with .pyc:', __file__.endswith('.pyc'))

import pkg
print('pkg attrs:', pkg.VALUE, pkg.sub.X, pkg.__name__, pkg.__package__)
print('pkg repr:', clean(repr(pkg)))
print('pkg file:', clean(pkg.__file__))
print('pkg path:', [clean(p) for p in pkg.__path__])
print('pkg doc:', pkg.__doc__)
print('type:', type(pkg).__name__, type(pkg) is type(sys))
print('sub in sys.modules:', 'pkg.sub' in sys.modules, sys.modules['pkg.sub'] is pkg.sub)

import pkg.deep.leaf
print('leaf:', pkg.deep.leaf.where(), pkg.deep.leaf.__package__)
import pkg.deep.leaf as L
print('as:', L is pkg.deep.leaf, L.X)
from pkg.deep import leaf
print('from pkg.deep:', leaf is L)

print('lazy loaded before:', 'pkg.lazy' in sys.modules, hasattr(pkg, 'lazy'))
from pkg import lazy
print('lazy loaded after:', lazy.LAZY, hasattr(pkg, 'lazy'), pkg.lazy is lazy)

from star_all import *
print('star_all:', alpha, beta, _gamma, 'delta' in dir())
from star_plain import *
print('star_plain:', one, two, '_hidden' in dir(), '_sys' in dir())

import circ_a
print('circular ok:', circ_a.use_b(), circ_a.circ_b.B)

try:
    import circ_x
except ImportError as e:
    show_error('circular from:', e)
print('circ_x kept:', 'circ_x' in sys.modules, 'circ_y' in sys.modules)

for attempt in range(2):
    try:
        import broken
    except ValueError as e:
        print('broken attempt', attempt, e, 'broken' in sys.modules)

try:
    import no_such_module
except ImportError as e:
    show_error('missing:', e)
    print('  name:', e.name)
try:
    import pkg.no_such_sub
except ImportError as e:
    show_error('missing sub:', e)
try:
    import star_plain.child
except ImportError as e:
    show_error('not a package:', e)
try:
    from pkg import no_such_name
except ImportError as e:
    show_error('no name:', e)
try:
    from . import anything
except ImportError as e:
    show_error('relative in main:', e)

print('__import__ plain:', __import__('pkg.deep').__name__)
print('__import__ fromlist:', __import__('pkg.deep', fromlist=['leaf']).__name__)
print('__import__ level:', __import__('sibling', pkg.__dict__, None, ['SIB'], 1).SIB)
print('__import__ star fromlist:', __import__('star_all', fromlist=['*']).__name__)
try:
    __import__('')
except ValueError as e:
    show_error('empty:', e)
try:
    __import__('pkg', level=-1)
except ValueError as e:
    show_error('negative level:', e)
try:
    __import__(42)
except TypeError as e:
    show_error('not a str:', e)

import selfreplace
print('replaced:', selfreplace.kind)

sys.modules['fake_entry'] = 'a str in sys.modules'
import fake_entry
print('fake:', fake_entry)
sys.modules['blocked'] = None
try:
    import blocked
except ImportError as e:
    show_error('blocked:', e)

pkg.new_attr = 'set'
print('setattr:', pkg.new_attr, pkg.__dict__['new_attr'])
del pkg.new_attr
print('delattr:', hasattr(pkg, 'new_attr'))
try:
    pkg.missing_attr
except AttributeError as e:
    show_error('getattr:', e)

import nspkg.nsmod
print('namespace:', nspkg.nsmod.VALUE, nspkg.__package__, getattr(nspkg, '__file__', None),
      [clean(p) for p in nspkg.__path__])

import builtins
original_import = builtins.__import__
def spy(name, globals=None, locals=None, fromlist=(), level=0):
    print('spy:', name, fromlist, level)
    return original_import(name, globals, locals, fromlist, level)
builtins.__import__ = spy
import star_all
from pkg import lazy as lazy2
builtins.__import__ = original_import
print('spy restored:', __import__ is original_import)

import lazy_attrs
if sys.version_info >= (3, 7):
    print('module __getattr__:', lazy_attrs.dyn_x)
    try:
        lazy_attrs.other
    except AttributeError as e:
        print('module __getattr__ error:', e)
else:
    print('module __getattr__: computed dyn_x')
    print('module __getattr__ error: lazy_attrs has no other')

import __future__
print('future:', __future__.division, __future__.all_feature_names[-2:])
print('future release:', __future__.generator_stop.getMandatoryRelease())

e = ImportError('message', name='n', path='p')
print('ImportError fields:', e.name, e.path, e.msg, e.args, ModuleNotFoundError('m').name)
try:
    ImportError('x', bogus=1)
except TypeError as e:
    print('TypeError:', e)

def local_imports():
    import pkg.sub
    from pkg.sibling import SIB as s
    return pkg.sub.X, s
class ClassScope:
    from star_all import alpha
    import pkg.deep as deep
print('scopes:', local_imports(), ClassScope.alpha, ClassScope.deep.__name__)

import importlib
print('import_module:', importlib.import_module('pkg.deep.leaf') is L,
      importlib.import_module('.sibling', 'pkg').SIB)
for args in [('.x',), ('..x', 'pkg'), ('',), ('.x', 5)]:
    try:
        importlib.import_module(*args)
    except (ImportError, ValueError, TypeError) as e:
        show_error('import_module%r:' % (args,), e)
pkg.lazy.LAZY = 'changed'
reloaded = importlib.reload(pkg.lazy)
print('reload:', reloaded is pkg.lazy, pkg.lazy.LAZY)
for bad in (5, type(sys)('not_registered')):
    try:
        importlib.reload(bad)
    except (ImportError, TypeError) as e:
        show_error('reload:', e)
made = type(sys)('made', 'its doc')
print('module():', made, made.__name__, made.__doc__, made.__package__)

import pkg as again
print('same module:', again is pkg, sys.modules['pkg'] is pkg)
print('done')
