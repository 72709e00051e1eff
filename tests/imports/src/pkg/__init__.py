"""The test package."""
print('pkg: init start', __name__, __package__)
from . import sub
from .sub import helper as _helper
VALUE = 'pkg-value'
print('pkg: init done', sub.__name__, _helper())
