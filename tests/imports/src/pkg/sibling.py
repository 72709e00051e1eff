SIB = 'sibling'
print('pkg.sibling: loaded', __name__, __package__)
