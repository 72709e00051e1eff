# sys of Python 2.7.
import sys
print sys.version_info[:2], sys.version_info.major
print sys.version[:3]
print sys.maxint == 2 ** 63 - 1, type(sys.maxint)
print sys.maxsize == sys.maxint
print hasattr(sys, "exc_clear"), sys.getdefaultencoding()
