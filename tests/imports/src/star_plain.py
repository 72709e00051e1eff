import sys as _sys
one = 1
two = 2
_hidden = 3
__dunder = 4
