import os
import sys

from . import helper
from .helper import double

print(__name__, repr(__package__), os.path.basename(sys.argv[0]), sys.argv[1:])
print(helper.__name__, double(21), sys.modules["pkg"].VALUE)
