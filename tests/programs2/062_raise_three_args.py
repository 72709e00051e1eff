# raise with a traceback argument; sys.exc_info inside handlers.
import sys
try:
    try:
        raise ValueError("first")
    except ValueError:
        t, v, tb = sys.exc_info()
        print t.__name__, v, tb is not None
        raise KeyError, "second", tb
except KeyError, e:
    print "KeyError", e
try:
    raise IndexError
except IndexError, e:
    print repr(e), e.args
