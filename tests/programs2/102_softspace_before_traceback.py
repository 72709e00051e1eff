# expect-exit: 1
# An uncaught exception raised while a print statement's line is open: 2.7 ends the
# line on stdout (Py_FlushLine) before the traceback goes to stderr.
import sys
print 'first',
print 'second', 1 / 0
