import sys
try:
    import chain0
except RecursionError as e:
    print('RecursionError:', e)
print('chain modules left in sys.modules:', len([m for m in sys.modules if m.startswith('chain')]))
