# Explicit chaining: raise ... from ..., __cause__, __suppress_context__, raise from None,
# and raise from an exception class.
def load(key):
    try:
        return {'a': 1}[key]
    except KeyError as e:
        raise LookupError('cannot load %s' % key) from e
try:
    load('zz')
except LookupError as e:
    print(e, '| cause:', repr(e.__cause__), '| context:', repr(e.__context__), e.__suppress_context__)
def hide():
    try:
        int('x')
    except ValueError:
        raise RuntimeError('clean') from None
try:
    hide()
except RuntimeError as e:
    print(e, e.__cause__, type(e.__context__).__name__, e.__suppress_context__)
try:
    raise ValueError('v') from TypeError
except ValueError as e:
    print('cause from class:', repr(e.__cause__), e.__context__)
try:
    raise ValueError('outside any handler') from KeyError('k')
except ValueError as e:
    print(repr(e.__cause__), e.__context__, e.__suppress_context__)
try:
    raise ValueError('x') from 5
except TypeError as e:
    print('TypeError:', e)
e = ValueError('manual')
e.__cause__ = KeyError('set by hand')
print(e.__suppress_context__, repr(e.__cause__))
e.__suppress_context__ = False
print(e.__suppress_context__)
def chain_of_three():
    try:
        try:
            raise KeyError('one')
        except KeyError as a:
            raise ValueError('two') from a
    except ValueError as b:
        raise TypeError('three') from b
try:
    chain_of_three()
except TypeError as e:
    links = []
    cur = e
    while cur is not None:
        links.append('%s(%s)' % (type(cur).__name__, cur))
        cur = cur.__cause__
    print(' <- '.join(links))
try:
    try:
        raise OSError('disk')
    except OSError as exc:
        raise RuntimeError('wrapped') from exc
except RuntimeError as r:
    print(r.__cause__ is r.__context__, r.__cause__.args)
try:
    raise IndexError from None
except IndexError as e:
    print(repr(e), e.__cause__, e.__suppress_context__)
