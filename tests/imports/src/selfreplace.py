import sys
class Replacement:
    kind = 'replacement'
sys.modules[__name__] = Replacement()
