import sys
try:
    import other_version
except ImportError as e:
    print('ImportError:', str(e).replace(sys.path[0], '<root>'))
