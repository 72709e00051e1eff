from __future__ import division
SIB = 'sibling'
print('pkg.sibling: loaded', __name__, __package__)
