# import *, from-imports and module attributes of Python 2 modules.
from math import *
print floor(2.5), ceil(2.5), sqrt(16)
import math as m
print m.pi > 3, m.hypot(3, 4)
from os import path
print path.join("a", "b")
import __builtin__
print __builtin__.len("abc"), __builtin__ is __builtins__ or True
