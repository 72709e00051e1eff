print('pkg.sub: start', __name__, __package__)
from . import sibling
from .sibling import SIB as _SIB
X = 'sub-x'

def helper():
    return 'helper:' + _SIB

try:
    from ... import nothing
except (ImportError, ValueError) as e:
    print('pkg.sub: beyond:', type(e).__name__, e)
print('pkg.sub: done')
