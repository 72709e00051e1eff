import sys
print('default hook:', sys.excepthook is sys.__excepthook__)
def hook(kind, value, tb):
    print('hook got', kind.__name__, value)
sys.excepthook = hook
print('before the uncaught exception')
raise ValueError('boom')
