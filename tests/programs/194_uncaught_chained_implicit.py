# expect-exit: 1
# Uncaught exception raised while handling another (implicit chaining): the final line is the
# last exception raised.
def cleanup():
    raise RuntimeError('cleanup failed')
try:
    print('working')
    [1, 2, 3][10]
except IndexError:
    print('handling IndexError')
    cleanup()
