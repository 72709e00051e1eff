print('pkg.lazy: loaded')
LAZY = 42
