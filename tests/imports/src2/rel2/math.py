NAME = 'the package module ' + __name__
