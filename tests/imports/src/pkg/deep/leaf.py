from ..sub import X
from .. import sibling as sib
from . import __name__ as deep_name
print('pkg.deep.leaf: loaded', X, sib.SIB, deep_name, __package__)
def where():
    return __name__
