# expect-exit: 1
# Uncaught exception whose class is nested in another class: the last line uses its qualname.
class Outer:
    class InnerError(LookupError):
        pass
try:
    raise Outer.InnerError('handled once')
except LookupError as e:
    print('caught', type(e).__qualname__, e)
raise Outer.InnerError('not handled')
